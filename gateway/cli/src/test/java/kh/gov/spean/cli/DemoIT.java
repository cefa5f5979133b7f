package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spean demo} end to end, as a user runs it: a fresh federation, real Kafka, real WireMock, real nodes. */
class DemoIT {

    @Test
    void the_demo_plays_every_exchange_and_refuses_every_attack(@TempDir Path data) throws Exception {
        CommandRun run = CommandRun.of("demo", "--data", data.resolve("demo").toString());
        String output = run.output();
        int exit = run.exit();
        assertEquals(0, exit, output);
        assertFalse(output.contains("FAIL"), output);
        assertTrue(output.contains("each node logs in as its member (SCRAM-SHA-512)"), output);
        assertTrue(output.contains("client.ciphertext_altered"), output);
        assertTrue(output.contains("client.replayed"), output);
        assertTrue(output.contains("client.signer_untrusted"), output);
        assertTrue(output.contains("client.access_denied"), output);
        assertTrue(output.contains("client.schema_invalid"), output);
        assertTrue(output.contains("no purpose") && output.contains("refused 400 client.purpose_missing"), output);
        assertTrue(output.contains("purpose TAX_ASSESSMENT") && output.contains("refused 403 client.purpose_not_granted"),
                output);
        assertTrue(output.contains("refused by KH/GOV/MOI: client.purpose_missing"), output);
        assertTrue(output.contains("202 accepted, then delivered with a signed receipt"), output);
        assertTrue(output.contains("2 sealed copies (KH/GOV/MEF/BUSINESS-REGISTRY, KH/GOV/MOI/ANTI-SCAM) each delivered"), output);
        assertTrue(output.contains("status=rejected"), output);
        assertTrue(output.contains("ownerVerification=deceased"), output);
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
}
