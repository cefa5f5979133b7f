package kh.gov.spean.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kh.gov.spean.cli.SpeanCommand;
import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.id.MemberId;

/**
 * How long a node takes from a cold start of its JVM to serving: {@code spean gateway} in a process of its own,
 * against a broker already running, timed until it prints that it is ready.
 */
final class NodeStartTime {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private NodeStartTime() {
    }

    /** Milliseconds from starting the process to its "ready at" line; the process is stopped afterwards. */
    static long measure(Path data, MemberId member, String bootstrapServers) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dspean.home=" + SpeanHome.root(),
                SpeanCommand.class.getName(), "gateway", "--data", data.toString(), "--member", member.toString(),
                "--kafka-bootstrap", bootstrapServers, "--http-port", "0");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            CompletableFuture<Long> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> awaitReady(process, started, ready), "bench-node-start");
            reader.setDaemon(true);
            reader.start();
            return ready.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the node started for timing did not become ready within " + LIMIT.toSeconds() + " s", e);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void awaitReady(Process process, long started, CompletableFuture<Long> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains(" ready at ")) {
                    ready.complete((System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("the node's output ended before it was ready"));
    }
}
