package kh.gov.spean.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kh.gov.spean.cli.SpeanCommand;
import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.demo.MockBackendTls;
import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.id.MemberId;

/**
 * How long a node takes from a cold start of its JVM to serving: {@code spean gateway} in a process of its own,
 * against a broker already running, timed until it prints that it is ready. It loads its classes from the class-data
 * archive the bench's own JVM was started from, when that JVM could use it, as a node started by the {@code spean}
 * command would. The broker is the bench's own: what the bench's JVM uses meanwhile (the broker serving the node, its
 * compilers still busy with the load before) is taken from the same two cores, and is reported beside the time.
 */
final class NodeStartTime {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Optional<String> archive = archiveInUse();
        archive.ifPresent(file -> command.addAll(
                List.of(ARCHIVE_OPTION + file, "-Xlog:disable", "-Xlog:all=error:stderr")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dspean.home=" + SpeanHome.root(),
                SpeanCommand.class.getName(), "gateway", "--data", data.toString(), "--member", member.toString(),
                "--kafka-bootstrap", bootstrapServers, "--http-port", "0", "--dev-plain-http"));
        command.addAll(MockBackendTls.gatewayOptions(backendTls));
        long cpuBefore = ProcessCpu.nanos();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            CompletableFuture<Long> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> awaitReady(process, started, ready), "bench-node-start");
            reader.setDaemon(true);
            reader.start();
            long readyMillis = ready.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            double benchCoreShare = (ProcessCpu.nanos() - cpuBefore) / (readyMillis * 1e6);
            return new Start(readyMillis, archive.isPresent(), benchCoreShare);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the node started for timing did not become ready within " + LIMIT.toSeconds() + " s", e);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The class-data archive this JVM was started from, if it could use it. A JVM ignores an archive made by another
     * Java or for other jars, silently, and then shares no classes; one of the same Java on the same class path (the
     * node's, started from this JVM's {@code java.home} and class path) uses it as this one does.
     */
    private static Optional<String> archiveInUse() {
        // "mixed mode, sharing", as java -version prints it, when the JVM shares classes from an archive.
        if (!System.getProperty("java.vm.info", "").contains("sharing")) {
            return Optional.empty();
        }
        // The JVM takes the last of a repeated option.
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith(ARCHIVE_OPTION))
                .reduce((first, second) -> second)
                .map(argument -> argument.substring(ARCHIVE_OPTION.length()));
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
