package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive made the way {@code spean} makes it after a build (a first run lists its classes,
 * {@link ArchivableClasses} cuts the list, {@code -Xshare:dump} archives it), from the packaged jar and its unsigned
 * {@code lib/}, with {@code spean init} as the first run; then used by a JVM that records with JFR, which crashed on
 * the classes multi-release jars keep under a version, and by the bench, which starts the node it times from it.
 */
class ClassDataArchiveIT {

    private static final Path JAR = SpeanHome.root().resolve("gateway/cli/target/spean.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path folder;
    private static Path archive;
    private static List<String> listed;
    private static List<String> kept;

    @BeforeAll
    static void make_the_archive_as_spean_does() throws Exception {
        Path classes = folder.resolve("classes");
        Path archivable = folder.resolve("classes.archivable");
        archive = folder.resolve("spean.jsa");
        run("-XX:DumpLoadedClassList=" + classes, "-jar", JAR.toString(), "init", "--data",
                folder.resolve("first").toString());
        run("-cp", JAR.toString(), ArchivableClasses.class.getName(), classes.toString(), archivable.toString());
        run("-Xshare:dump", "-XX:SharedClassListFile=" + archivable, "-XX:SharedArchiveFile=" + archive, "-cp",
                JAR.toString());
        listed = Files.readAllLines(classes, StandardCharsets.UTF_8);
        kept = Files.readAllLines(archivable, StandardCharsets.UTF_8);
    }

    @Test
    void a_command_started_from_the_archive_runs_with_a_flight_recording() throws Exception {
        Path recording = folder.resolve("init.jfr");
        assertTrue(listed.contains("org/bouncycastle/jcajce/provider/drbg/DRBGSpis"), "the first run loaded no versioned class");
        assertTrue(kept.size() < listed.size() && kept.contains("org/bouncycastle/jce/provider/BouncyCastleProvider"),
                kept.size() + " of " + listed.size() + " lines kept");

        // -Xshare:on: the JVM refuses to start rather than run without the archive.
        run("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-XX:StartFlightRecording=filename=" + recording,
                "-jar", JAR.toString(), "init", "--data", folder.resolve("second").toString());
        assertTrue(Files.size(recording) > 0, "no flight recording written");
    }

    @Test
    void the_bench_starts_the_node_it_times_from_the_archive_its_jvm_uses() throws Exception {
        String shared = benchFigures("-XX:SharedArchiveFile=" + archive);
        assertTrue(shared.contains("\"node_class_data_archive\":true"), shared);

        // Named but not used (as with an archive of another Java): the node must not be said to use it.
        String notShared = benchFigures("-XX:SharedArchiveFile=" + archive, "-Xshare:off");
        assertTrue(notShared.contains("\"node_class_data_archive\":false"), notShared);
    }

    /** The JSON line a shortest bench ends with, run by a JVM with these options. */
    private static String benchFigures(String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("-jar", JAR.toString(), "bench", "--seconds", "1", "--warmup", "1", "--warmup-max", "2",
                "--clients", "1"));
        String output = run(arguments.toArray(String[]::new));
        return output.strip().lines().reduce((first, second) -> second).orElseThrow();
    }

    /** Runs a JVM with these arguments in the test's folder, expects it to succeed, and returns its output. */
    private static String run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xlog:disable", "-Xlog:all=error:stderr",
                "-Dspean.home=" + SpeanHome.root()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(folder, "java", ".out");
        // In the test's folder, so that a crash leaves its hs_err file there.
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        // A bound, not a speed check: the shortest bench still restarts both nodes for their memory (decision 0055).
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after 600 s: " + command + "\n" + read(output));
        }
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + read(output));
        return read(output);
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
