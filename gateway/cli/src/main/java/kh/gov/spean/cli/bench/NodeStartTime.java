package kh.gov.spean.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kh.gov.spean.cli.SpeanCommand;
import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.id.MemberId;

/**
 * How long a node takes from a cold start of its JVM to serving: {@code spean gateway} in a process of its own,
 * against a broker already running, timed until it prints that it is ready. It loads its classes from the class-data
 * archive the {@code spean} command records, when there is one, as a node started by that command would. The broker
 * is the bench's own: what the bench's JVM uses meanwhile (the broker serving the node, its compilers still busy with
 * the load before) is taken from the same two cores, and is reported beside the time.
 */
final class NodeStartTime {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Where the spean command keeps its jar and the archive of its classes, under the repository. */
    private static final Path COMMAND_JAR = Path.of("gateway", "cli", "target", "spean.jar");
    private static final Path CLASS_DATA_ARCHIVE = Path.of("gateway", "cli", "target", "spean.jsa");
    /** The jar's libraries, in a folder beside it. */
    private static final String LIBRARIES = "lib";

    private NodeStartTime() {
    }

    /**
     * How long the node took, whether it had the class-data archive, and the share of one core the bench's own JVM
     * used while the node started.
     */
    record Start(long readyMillis, boolean classDataArchive, double benchCoreShare) {
    }

    /** From starting the process to its "ready at" line; the process is stopped afterwards. */
    static Start measure(Path data, MemberId member, String bootstrapServers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path archive = SpeanHome.root().resolve(CLASS_DATA_ARCHIVE);
        boolean archived = archiveFits(archive, SpeanHome.root().resolve(COMMAND_JAR));
        if (archived) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:disable", "-Xlog:all=error:stderr"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dspean.home=" + SpeanHome.root(),
                SpeanCommand.class.getName(), "gateway", "--data", data.toString(), "--member", member.toString(),
                "--kafka-bootstrap", bootstrapServers, "--http-port", "0"));
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
            return new Start(readyMillis, archived, benchCoreShare);
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
     * The JVM uses an archive only for the class path it was recorded with, and ignores it silently otherwise: this
     * bench must run from the spean command's own jar, and the archive must be newer than that jar and its libraries.
     */
    private static boolean archiveFits(Path archive, Path jar) throws IOException {
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(jar)
                || !Path.of(System.getProperty("java.class.path")).toAbsolutePath().equals(jar.toAbsolutePath())) {
            return false;
        }
        FileTime recorded = Files.getLastModifiedTime(archive);
        try (Stream<Path> libraries = Files.list(jar.resolveSibling(LIBRARIES))) {
            return Stream.concat(Stream.of(jar), libraries)
                    .allMatch(file -> lastModified(file).compareTo(recorded) < 0);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
