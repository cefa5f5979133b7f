package kh.gov.spean.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.PayloadCommitment;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.federation.TestFederation;

/**
 * Interoperability, not self-consistency: the OpenSSL 3 command line, which nobody here wrote, verifies an envelope's
 * signature from its signed bytes and the federation CA, and decrypts its payload with the recipient's key.
 */
class EnvelopeOpenSslTest {

    @TempDir
    static Path data;
    static TestFederation federation;

    @BeforeAll
    static void initialise() {
        federation = TestFederation.create(data);
    }

    @Test
    void openssl_verifies_the_envelope_signature_over_the_header_bytes(@TempDir Path work) throws Exception {
        Envelope envelope = EnvelopeTest.request(federation, federation.keys(TestFederation.MEF), EnvelopeTest.BUSINESS_REGISTRY);
        Files.write(work.resolve("header.json"), envelope.headerBytes());
        Files.write(work.resolve("signature.der"), envelope.signature());
        Files.copy(federation.files().caCertificate(), work.resolve("ca.pem"));

        Result verified = openssl(work, "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature.der",
                "-content", "header.json", "-CAfile", "ca.pem", "-purpose", "any", "-out", "verified.json");

        assertEquals(0, verified.exit(), verified.output());
        assertArrayEquals(envelope.headerBytes(), Files.readAllBytes(work.resolve("verified.json")));
    }

    @Test
    void openssl_refuses_the_signature_over_altered_header_bytes(@TempDir Path work) throws Exception {
        Envelope envelope = EnvelopeTest.request(federation, federation.keys(TestFederation.MEF), EnvelopeTest.BUSINESS_REGISTRY);
        Files.write(work.resolve("header.json"), new String(envelope.headerBytes(), StandardCharsets.UTF_8)
                .replace("BUSINESS-REGISTRY", "TAX-REGISTRY").getBytes(StandardCharsets.UTF_8));
        Files.write(work.resolve("signature.der"), envelope.signature());
        Files.copy(federation.files().caCertificate(), work.resolve("ca.pem"));

        Result verified = openssl(work, "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature.der",
                "-content", "header.json", "-CAfile", "ca.pem", "-purpose", "any", "-out", "/dev/null");

        assertNotEquals(0, verified.exit(), verified.output());
    }

    @Test
    void openssl_decrypts_the_payload_with_the_recipients_key_and_it_matches_the_commitment(@TempDir Path work)
            throws Exception {
        Envelope envelope = EnvelopeTest.request(federation, federation.keys(TestFederation.MEF), EnvelopeTest.BUSINESS_REGISTRY);
        MemberKeys moi = federation.keys(TestFederation.MOI);
        Files.write(work.resolve("payload.der"), envelope.ciphertext());
        Files.writeString(work.resolve("recipient.pem"), Pem.certificate(moi.encryptionCertificate()));
        Files.writeString(work.resolve("recipient.key"), Pem.privateKeyPkcs8(moi.encryptionKey()));

        Result decrypted = openssl(work, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "payload.der",
                "-recip", "recipient.pem", "-inkey", "recipient.key", "-out", "plain.bin");

        assertEquals(0, decrypted.exit(), decrypted.output());
        byte[] plain = Files.readAllBytes(work.resolve("plain.bin"));
        byte[] salt = Arrays.copyOfRange(plain, 0, SaltedPayload.SALT_LENGTH);
        byte[] payload = Arrays.copyOfRange(plain, SaltedPayload.SALT_LENGTH, plain.length);
        assertArrayEquals(EnvelopeTest.PAYLOAD, payload);
        assertTrue(PayloadCommitment.matches(Digests.fromBase64(envelope.header().payloadCommitment()), salt, payload));
    }

    record Result(int exit, String output) {
    }

    static Result openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish");
        return new Result(process.exitValue(), output);
    }
}
