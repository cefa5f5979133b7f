package kh.gov.spean.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported evidence is checked by OpenSSL 3 alone: every checkpoint signature and timestamp, every envelope signature. */
class EvidenceOpenSslTest {

    @Test
    void openssl_verifies_every_exported_signature_and_timestamp(@TempDir Path data, @TempDir Path out) throws Exception {
        TestLog log = TestLog.write(data);
        EvidenceExporter.Export export = EvidenceExporter.export(log.files(), log.federation().trustAnchor(), out);
        assertTrue(export.checkpoints() >= 5);
        assertTrue(export.envelopes() >= 13);

        List<String> commands = Files.readAllLines(out.resolve("verify.sh")).stream()
                .filter(line -> line.startsWith("openssl ")).toList();
        assertEquals(export.checkpoints() * 2 + export.envelopes(), commands.size());
        for (String command : commands) {
            assertEquals(0, run(out, command), command);
        }
    }

    @Test
    void openssl_refuses_an_altered_checkpoint(@TempDir Path data, @TempDir Path out) throws Exception {
        TestLog log = TestLog.write(data);
        EvidenceExporter.export(log.files(), log.federation().trustAnchor(), out);
        long size = log.files().checkpointSizes().get(0);
        Path text = out.resolve("checkpoints").resolve(size + ".txt");
        Files.writeString(text, Files.readString(text).replaceFirst("\n" + size + "\n", "\n" + (size + 1) + "\n"));

        assertNotEquals(0, run(out, OpenSslCommands.verifySignature("checkpoints/" + size + ".txt", "checkpoints/" + size + ".p7s")));
        assertNotEquals(0, run(out, OpenSslCommands.verifyTimestamp("checkpoints/" + size + ".txt", "checkpoints/" + size + ".tsr")));
    }

    static int run(Path directory, String command) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish: " + command);
        if (process.exitValue() != 0) {
            System.out.println(command + "\n" + output);
        }
        return process.exitValue();
    }
}
