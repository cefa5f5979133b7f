package kh.gov.spean.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.id.MemberId;

/**
 * Each node's memory under load. In the bench's own JVM the two nodes share one heap and one resident set with the
 * broker, the register and the load generator, so for this the secure path's nodes are stopped there and started again
 * as {@code spean gateway}, each in a JVM of its own ({@link NodeProcess}), and driven as the secure path was: each
 * one's resident set and heap in use are read every second under that load ({@link MemoryProbe}), and the peak of each
 * reported, with the bench's JVM's beside them.
 */
final class NodeMemory {

    /**
     * The load through the nodes in their own JVMs, each node's peak usage under it, the bench JVM's, and how long each
     * node took to be ready again: a restarted node reads back the delivery claims and the log entries of the replay
     * window before it serves, so after minutes of load it starts more slowly than a fresh one.
     */
    record Result(LoadRun.Result load, Map<String, MemoryProbe.Usage> nodes, MemoryProbe.Usage benchJvm,
                  Map<String, Long> restartReadyMillis) {
    }

    private static final String BENCH_JVM = "bench";
    /** A restart after minutes of load on a busy machine: 90 s were not enough once. */
    private static final Duration READY_LIMIT = Duration.ofSeconds(300);
    private static final long SAMPLE_MILLIS = 1000;

    private NodeMemory() {
    }

    /**
     * Starts {@code client}'s and {@code provider}'s nodes in JVMs of their own ({@code providerOptions} for the
     * provider's backend), drives {@code path} on {@code client}'s edge for {@code warmUp} and {@code measured}, and
     * reads every JVM's memory meanwhile.
     */
    static Result measure(LoadRun load, Path data, String bootstrapServers, DevelopmentBackendTls backendTls,
                          MemberId client, MemberId provider, List<String> providerOptions, String servicePath,
                          LoadRun.Call call, LoadRun.Verdict verdict, int clients, Duration warmUp, Duration measured)
            throws IOException, InterruptedException {
        try (NodeProcess providerNode = NodeProcess.start(data, provider, bootstrapServers, backendTls, providerOptions);
             NodeProcess clientNode = NodeProcess.start(data, client, bootstrapServers, backendTls, List.of())) {
            providerNode.awaitReady(READY_LIMIT);
            URI edge = clientNode.awaitReady(READY_LIMIT);
            // The bench's own JVM under the name "bench".
            Map<String, MemoryProbe> probes = new LinkedHashMap<>();
            probes.put(client.toString(), MemoryProbe.of(clientNode.pid()));
            probes.put(provider.toString(), MemoryProbe.of(providerNode.pid()));
            probes.put(BENCH_JVM, MemoryProbe.self());
            Map<String, MemoryProbe.Usage> peaks = new LinkedHashMap<>();
            List<IOException> failures = new ArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                    runnable -> new Thread(runnable, "bench-memory-sampler"));
            try {
                sampler.scheduleAtFixedRate(() -> probes.forEach((member, probe) -> {
                    try {
                        MemoryProbe.Usage now = probe.read();
                        synchronized (peaks) {
                            peaks.merge(member, now, MemoryProbe.Usage::max);
                        }
                    } catch (IOException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }), 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
                LoadRun.Result result = load.run("secure, each node in a JVM of its own",
                        new LoadRun.Call(edge.resolve(servicePath), call.client(), call.headers(), call.body()), verdict, clients,
                        warmUp, measured);
                sampler.shutdown();
                sampler.awaitTermination(30, TimeUnit.SECONDS);
                if (!failures.isEmpty()) {
                    throw new IOException("could not read a node's memory: " + failures.get(0).getMessage(),
                            failures.get(0));
                }
                synchronized (peaks) {
                    MemoryProbe.Usage benchJvm = peaks.remove(BENCH_JVM);
                    Map<String, Long> ready = new LinkedHashMap<>();
                    ready.put(client.toString(), clientNode.readyMillis());
                    ready.put(provider.toString(), providerNode.readyMillis());
                    return new Result(result, Collections.unmodifiableMap(new LinkedHashMap<>(peaks)), benchJvm,
                            Collections.unmodifiableMap(ready));
                }
            } finally {
                sampler.shutdownNow();
                for (MemoryProbe probe : probes.values()) {
                    probe.close();
                }
            }
        }
    }
}
