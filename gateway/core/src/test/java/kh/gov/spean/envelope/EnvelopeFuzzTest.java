package kh.gov.spean.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.ErrorOrigin;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.TestFederation;

/**
 * Bounded fuzzing of everything a provider's node does with a Kafka record before trusting it — parse, verify the
 * signature and signer, open, check the commitment — with a fixed seed and budget: mutated records (bytes flipped,
 * cut, inserted or repeated; JSON fields swapped for junk, base64 fields re-encoded after a change inside them). Every
 * mutant must either be the original message or be refused with a client-side code: never another exception, never a
 * different payload accepted.
 */
class EnvelopeFuzzTest {

    static final long SEED = 20261125L;
    static final int BUDGET = 3000;

    @TempDir
    static Path data;
    static TestFederation federation;
    static byte[] original;
    static EnvelopeVerifier verifier;
    static EnvelopeOpener opener;

    @BeforeAll
    static void seal() {
        federation = TestFederation.create(data);
        verifier = new EnvelopeVerifier(federation.federation(), federation.trustAnchor());
        MemberKeys moi = federation.keys(TestFederation.MOI);
        opener = new EnvelopeOpener(new PayloadOpener(moi.encryptionKey(), moi.encryptionCertificate()));
        original = EnvelopeCodec.encode(EnvelopeTest.request(federation, federation.keys(TestFederation.MEF),
                EnvelopeTest.BUSINESS_REGISTRY));
    }

    @Test
    void every_mutated_record_is_the_original_or_refused_with_a_client_code() {
        Random random = new Random(SEED);
        Map<ErrorCode, Integer> refusals = new EnumMap<>(ErrorCode.class);
        int accepted = 0;
        for (int i = 0; i < BUDGET; i++) {
            byte[] mutant = mutate(original, random);
            try {
                byte[] payload = receive(mutant);
                assertArrayEquals(EnvelopeTest.PAYLOAD, payload, "a mutant was accepted with another payload");
                accepted++;
            } catch (SpeanException refused) {
                assertEquals(ErrorOrigin.CLIENT, refused.code().origin(), () -> "mutant " + printable(mutant)
                        + " was refused as the node's own fault: " + refused.code() + " " + refused.detail());
                refusals.merge(refused.code(), 1, Integer::sum);
            } catch (RuntimeException | Error unexpected) {
                fail("mutant " + printable(mutant) + " broke the parser: " + unexpected, unexpected);
            }
        }
        System.out.println("envelope fuzzing, seed " + SEED + ": " + BUDGET + " mutants, " + accepted
                + " equivalent to the original, refusals " + refusals);
        assertTrue(refusals.size() >= 4, "the mutants should reach several checks: " + refusals);
    }

    /** What the provider's node does with a record, up to the plaintext. */
    private static byte[] receive(byte[] record) {
        Envelope envelope = EnvelopeCodec.decode(record);
        verifier.verify(envelope, Instant.now());
        return opener.open(envelope).payload();
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] bytes = input.clone();
        switch (random.nextInt(7)) {
            case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                int at = random.nextInt(bytes.length);
                byte[] junk = new byte[1 + random.nextInt(16)];
                random.nextBytes(junk);
                byte[] longer = new byte[bytes.length + junk.length];
                System.arraycopy(bytes, 0, longer, 0, at);
                System.arraycopy(junk, 0, longer, at, junk.length);
                System.arraycopy(bytes, at, longer, at + junk.length, bytes.length - at);
                bytes = longer;
            }
            case 3 -> bytes = replaceField(bytes, random, junkValue(random));
            case 4 -> bytes = flipInsideBase64Field(bytes, random);
            case 5 -> {
                int from = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - from, 1 + random.nextInt(64));
                byte[] twice = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, twice, 0, from + length);
                System.arraycopy(bytes, from, twice, from + length, bytes.length - from);
                bytes = twice;
            }
            default -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static final String[] FIELDS = {"v", "header", "signature", "payload"};

    private static byte[] replaceField(byte[] record, Random random, String value) {
        String json = new String(record, StandardCharsets.UTF_8);
        String field = FIELDS[random.nextInt(FIELDS.length)];
        return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "\"" + field + "\":" + value)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String junkValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "null";
            case 1 -> "2";
            case 2 -> "\"\"";
            case 3 -> "\"!!not base64!!\"";
            case 4 -> "[]";
            default -> "\"" + Digests.base64(new byte[random.nextInt(64)]) + "\"";
        };
    }

    /** Decodes one base64 field, changes a byte inside, and encodes it again: a well-formed record, altered within. */
    private static byte[] flipInsideBase64Field(byte[] record, Random random) {
        String json = new String(record, StandardCharsets.UTF_8);
        String field = FIELDS[1 + random.nextInt(3)];
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        if (!value.find()) {
            return record;
        }
        byte[] inside = Digests.fromBase64(value.group(1));
        if (inside.length > 0) {
            inside[random.nextInt(inside.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return (json.substring(0, value.start(1)) + Digests.base64(inside) + json.substring(value.end(1)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
