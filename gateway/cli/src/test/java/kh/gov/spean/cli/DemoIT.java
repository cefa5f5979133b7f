package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spean demo} end to end, as a user runs it: a fresh federation, real Kafka, real WireMock, real nodes. */
class DemoIT {

    @Test
    void the_demo_plays_every_exchange_and_refuses_every_attack(@TempDir Path data) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            exit = SpeanCommand.execute("demo", "--data", data.resolve("demo").toString());
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, output);
        assertFalse(output.contains("FAIL"), output);
        assertTrue(output.contains("client.ciphertext_altered"), output);
        assertTrue(output.contains("client.replayed"), output);
        assertTrue(output.contains("client.signer_untrusted"), output);
        assertTrue(output.contains("client.access_denied"), output);
        assertTrue(output.contains("client.schema_invalid"), output);
        assertTrue(output.contains("no plaintext found"), output);
        assertTrue(output.contains("is provably in KH/GOV/MOI's log"), output);

        // The auditor's own tools agree, and OpenSSL alone checks the exported evidence.
        Path moiLog = data.resolve("demo").resolve("KH.GOV.MOI").resolve("log");
        Path mefLog = data.resolve("demo").resolve("KH.GOV.MEF").resolve("log");
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", moiLog.toString(), "--log", mefLog.toString()));
        Path evidence = data.resolve("evidence");
        assertEquals(0, SpeanCommand.execute("audit", "export", "--log", moiLog.toString(), "--out", evidence.toString()));
        Process openssl = new ProcessBuilder("sh", "verify.sh").directory(evidence.toFile()).inheritIO().start();
        assertTrue(openssl.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, openssl.exitValue(), "OpenSSL refused exported evidence");
    }

    /** Writes to two streams: the console (so CI shows the demo's account) and a buffer the test reads. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
