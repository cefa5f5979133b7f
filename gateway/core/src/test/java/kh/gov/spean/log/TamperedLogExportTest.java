package kh.gov.spean.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A log is what an auditor distrusts: a tampered one, exported, never runs a command on the auditor's machine nor writes
 * a file outside the export folder, and the script of an intact export runs nothing but OpenSSL.
 */
class TamperedLogExportTest {

    @ParameterizedTest(name = "envelope id {0}")
    @ValueSource(strings = {"$(touch ../marker)", "`touch ../marker`", "x'; touch ../marker; echo '",
            "../../marker", "/tmp/marker", "00000000-0000-0000-0000-000000000001/../../../marker"})
    void a_log_whose_envelope_id_holds_a_command_or_a_path_exports_nothing_that_runs_or_escapes(String hostileId,
            @TempDir Path data, @TempDir Path auditor) throws Exception {
        TestLog log = TestLog.write(data);
        replaceFirstEnvelopeId(log.files(), hostileId);
        Path out = auditor.resolve("evidence");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EvidenceExporter.export(log.files(), log.federation().trustAnchor(), out));

        assertTrue(refused.getMessage().contains("not a UUID"), refused.getMessage());
        assertFalse(refused.getMessage().contains(hostileId), "the hostile id is not echoed to the console");
        assertFalse(Files.exists(out.resolve("verify.sh")), "no script is written for a log that cannot be exported");
        try (Stream<Path> written = Files.walk(auditor)) {
            List<Path> outside = written.filter(file -> !file.startsWith(out) && !file.equals(auditor)).toList();
            assertEquals(List.of(), outside, "nothing is written outside the export folder");
        }
        assertFalse(Files.exists(auditor.resolve("marker")));
        assertFalse(Files.exists(Path.of("/tmp/marker")) && Files.getLastModifiedTime(Path.of("/tmp/marker")).toMillis()
                > System.currentTimeMillis() - 60_000, "no marker was written in /tmp");
    }

    @Test
    void the_script_of_an_exported_log_runs_openssl_and_nothing_else(@TempDir Path data, @TempDir Path auditor)
            throws Exception {
        TestLog log = TestLog.write(data);
        Path out = auditor.resolve("evidence");
        EvidenceExporter.export(log.files(), log.federation().trustAnchor(), out);

        List<String> lines = Files.readAllLines(out.resolve("verify.sh"));
        for (String line : lines) {
            boolean allowed = line.isEmpty() || line.startsWith("#") || line.equals("set -e")
                    || line.equals("echo 'all evidence verified'")
                    || line.matches("openssl (cms|ts) -verify( ('[A-Za-z0-9./_-]+'|-[A-Za-z]+|certs/[a-z]+\\.pem|DER|any|/dev/null))+");
            assertTrue(allowed, "unexpected line in verify.sh: " + line);
        }
        Process run = new ProcessBuilder("sh", "verify.sh").directory(out.toFile()).redirectErrorStream(true).start();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), printed);
        assertTrue(printed.contains("all evidence verified"), printed);
    }

    @Test
    void a_file_name_that_is_not_plain_never_reaches_the_script() {
        for (String name : List.of("$(touch marker)", "a b", "../x", "-rf", "x'y", "a/./b", "a\nb", "")) {
            assertThrows(IllegalArgumentException.class, () -> OpenSslCommands.verifySignature(name, "envelopes/a.p7s"),
                    name);
        }
        assertEquals("'envelopes/a.bin'", OpenSslCommands.file("envelopes/a.bin"));
    }

    /** Rewrites the first accepted envelope's id in the entries file, as an attacker with write access to it would. */
    private static void replaceFirstEnvelopeId(LogFiles files, String hostileId) throws Exception {
        String entries = Files.readString(files.entries());
        String id = null;
        for (String line : entries.split("\n")) {
            if (line.contains("\"kind\":\"sent\"")) {
                int start = line.indexOf("\"envelopeId\":\"") + "\"envelopeId\":\"".length();
                id = line.substring(start, line.indexOf('"', start));
                break;
            }
        }
        assertTrue(id != null, "the test log holds a sent envelope");
        String escaped = hostileId.replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(files.entries(), entries.replace("\"envelopeId\":\"" + id + "\"", "\"envelopeId\":\"" + escaped + "\""));
    }
}
