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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive made the way {@code spean} makes it after a build (a first run lists its classes,
 * {@link ArchivableClasses} cuts the list, {@code -Xshare:dump} archives it), from the packaged jar and its unsigned
 * {@code lib/}, with {@code spean init} as the first run; then used by a JVM that records with JFR, which crashed on
 * the classes multi-release jars keep under a version.
 */
class ClassDataArchiveIT {

    private static final Path JAR = SpeanHome.root().resolve("gateway/cli/target/spean.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void a_command_started_from_the_archive_runs_with_a_flight_recording(@TempDir Path folder) throws Exception {
        Path classes = folder.resolve("classes");
        Path archivable = folder.resolve("classes.archivable");
        Path archive = folder.resolve("spean.jsa");
        Path recording = folder.resolve("init.jfr");

        run(folder, "-XX:DumpLoadedClassList=" + classes, "-jar", JAR.toString(), "init", "--data",
                folder.resolve("first").toString());
        run(folder, "-cp", JAR.toString(), ArchivableClasses.class.getName(), classes.toString(), archivable.toString());
        run(folder, "-Xshare:dump", "-XX:SharedClassListFile=" + archivable, "-XX:SharedArchiveFile=" + archive, "-cp",
                JAR.toString());
        List<String> listed = Files.readAllLines(classes, StandardCharsets.UTF_8);
        List<String> kept = Files.readAllLines(archivable, StandardCharsets.UTF_8);
        assertTrue(listed.contains("org/bouncycastle/jcajce/provider/drbg/DRBGSpis"), "the first run loaded no versioned class");
        assertTrue(kept.size() < listed.size() && kept.contains("org/bouncycastle/jce/provider/BouncyCastleProvider"),
                kept.size() + " of " + listed.size() + " lines kept");

        // -Xshare:on: the JVM refuses to start rather than run without the archive.
        run(folder, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-XX:StartFlightRecording=filename=" + recording,
                "-jar", JAR.toString(), "init", "--data", folder.resolve("second").toString());
        assertTrue(Files.size(recording) > 0, "no flight recording written");
    }

    private static void run(Path folder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xlog:disable", "-Xlog:all=error:stderr",
                "-Dspean.home=" + SpeanHome.root()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(folder, "java", ".out");
        // In the test's folder, so that a crash leaves its hs_err file there.
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after 180 s: " + command + "\n" + read(output));
        }
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + read(output));
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
