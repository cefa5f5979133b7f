package kh.gov.spean.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.id.MemberId;

/**
 * How long a node takes from a cold start of its JVM to serving: {@code spean gateway} in a process of its own
 * ({@link NodeProcess}), against a broker already running, timed until it prints that it is ready. The broker is the
 * bench's own: what the bench's JVM uses meanwhile (the broker serving the node, its compilers still busy with the load
 * before) is taken from the same two cores, and is reported beside the time.
 */
final class NodeStartTime {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private NodeStartTime() {
    }

    /**
     * How long the node took, whether it had the class-data archive, and the share of one core the bench's own JVM
     * used while the node started.
     */
    record Start(long readyMillis, boolean classDataArchive, double benchCoreShare) {
    }

    /** From starting the process to its "ready at" line; the process is stopped afterwards. */
    static Start measure(Path data, MemberId member, String bootstrapServers, DevelopmentBackendTls backendTls)
            throws IOException, InterruptedException {
        long cpuBefore = ProcessCpu.nanos();
        try (NodeProcess node = NodeProcess.start(data, member, bootstrapServers, backendTls, List.of())) {
            node.awaitReady(LIMIT);
            double benchCoreShare = (ProcessCpu.nanos() - cpuBefore) / (node.readyMillis() * 1e6);
            return new Start(node.readyMillis(), node.classDataArchive(), benchCoreShare);
        }
    }
}
