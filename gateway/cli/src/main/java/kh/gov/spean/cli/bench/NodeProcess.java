package kh.gov.spean.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * A node started as {@code spean gateway} in a JVM of its own, from this JVM's Java and class path, against a broker
 * already running, with a plain HTTP edge and its management port on a free port. It loads its classes from the
 * class-data archive this JVM was started from, when this JVM could use it, as a node started by the {@code spean}
 * command would.
 */
final class NodeProcess implements AutoCloseable {

    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    private static final String READY = " ready at ";
    /** The node's last lines of output, kept to say why it did not become ready. */
    private static final int LINES_KEPT = 20;

    private final Process process;
    private final long startedNanos;
    private final boolean classDataArchive;
    private final CompletableFuture<URI> ready = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile long readyNanos;

    private NodeProcess(Process process, long startedNanos, boolean classDataArchive) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.classDataArchive = classDataArchive;
    }

    /** Starts the member's node; {@code options} are added to {@code spean gateway}'s. */
    static NodeProcess start(Path data, MemberId member, String bootstrapServers, DevelopmentBackendTls backendTls,
                             List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Optional<String> archive = archiveInUse();
        archive.ifPresent(file -> command.addAll(
                List.of(ARCHIVE_OPTION + file, "-Xlog:disable", "-Xlog:all=error:stderr")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dspean.home=" + SpeanHome.root(),
                SpeanCommand.class.getName(), "gateway", "--data", data.toString(), "--member", member.toString(),
                "--kafka-bootstrap", bootstrapServers, "--http-port", "0", "--management-port", "0", "--dev-plain-http"));
        command.addAll(MockBackendTls.gatewayOptions(backendTls));
        command.addAll(options);
        long started = System.nanoTime();
        NodeProcess node = new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), started,
                archive.isPresent());
        Thread reader = new Thread(node::readOutput, "bench-node-" + member.toString().replace('/', '.'));
        reader.setDaemon(true);
        reader.start();
        return node;
    }

    /** Waits for the node's "ready at" line; its edge's address. */
    URI awaitReady(Duration limit) throws IOException, InterruptedException {
        try {
            return ready.get(limit.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            String said;
            synchronized (lastLines) {
                said = String.join(System.lineSeparator(), lastLines);
            }
            throw new IOException((e instanceof TimeoutException
                    ? "a node started for the bench did not become ready within " + limit.toSeconds() + " s"
                    : "a node started for the bench stopped before it was ready")
                    + "; its last lines:" + System.lineSeparator() + said, e);
        }
    }

    /** Milliseconds from starting the process to its "ready at" line; call after {@link #awaitReady}. */
    long readyMillis() {
        return readyNanos / 1_000_000;
    }

    boolean classDataArchive() {
        return classDataArchive;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
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

    /** "Node KH/GOV/MOI ready at http://127.0.0.1:41234 (Kafka …": the address, up to the space after it. */
    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > LINES_KEPT) {
                        lastLines.removeFirst();
                    }
                }
                int at = line.indexOf(READY);
                if (at >= 0 && !ready.isDone()) {
                    readyNanos = System.nanoTime() - startedNanos;
                    String rest = line.substring(at + READY.length());
                    int end = rest.indexOf(' ');
                    ready.complete(URI.create(end < 0 ? rest : rest.substring(0, end)));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("the node's output ended before it was ready"));
    }
}
