package kh.gov.spean.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.error.ErrorOrigin;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.TestFederation;

/**
 * Coverage-guided fuzzing (Jazzer) of what a provider's node does with a Kafka record before trusting it: parse,
 * verify signature and signer, open, check the commitment. Inputs are any bytes at all, a record around any header
 * bytes, or the genuine record edited in place. A coded client refusal is the only acceptable failure, and an accepted
 * record must carry the genuine payload; anything else is a finding, which fails the build and is kept as an input
 * under {@code src/test/resources} for every later run. {@code mvn -B verify} fuzzes it for a fixed time (the
 * {@code fuzz} execution in this module's build); without {@code JAZZER_FUZZ} it runs its kept inputs only.
 */
class EnvelopeCoverageFuzzTest {

    @TempDir
    static Path data;
    static byte[] original;
    static EnvelopeVerifier verifier;
    static EnvelopeOpener opener;

    @BeforeAll
    static void seal() {
        TestFederation federation = TestFederation.create(data);
        verifier = new EnvelopeVerifier(federation.federation(), federation.trustAnchor());
        MemberKeys moi = federation.keys(TestFederation.MOI);
        opener = new EnvelopeOpener(new PayloadOpener(moi.encryptionKey(), moi.encryptionCertificate()));
        original = EnvelopeCodec.encode(EnvelopeTest.request(federation, federation.keys(TestFederation.MEF),
                EnvelopeTest.BUSINESS_REGISTRY));
    }

    @FuzzTest(maxDuration = "30s")
    void any_record_is_the_genuine_one_or_refused_with_a_client_code(FuzzedDataProvider input) {
        byte[] record = switch (input.consumeInt(0, 2)) {
            case 0 -> input.consumeRemainingAsBytes();
            case 1 -> aroundHeader(input.consumeRemainingAsBytes());
            default -> edited(input);
        };
        try {
            Envelope envelope = EnvelopeCodec.decode(record);
            verifier.verify(envelope, Instant.now());
            assertArrayEquals(EnvelopeTest.PAYLOAD, opener.open(envelope).payload(), "accepted with another payload");
        } catch (SpeanException refused) {
            assertEquals(ErrorOrigin.CLIENT, refused.code().origin(), () -> "refused as the node's own fault: "
                    + refused.code() + " " + refused.detail());
        }
    }

    /** The genuine record with its header replaced by {@code header}, base64 as on the wire. */
    private static byte[] aroundHeader(byte[] header) {
        String json = new String(original, StandardCharsets.UTF_8);
        return json.replaceFirst("\"header\":\"[^\"]*\"", Matcher.quoteReplacement("\"header\":\"" + Digests.base64(header) + "\""))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The genuine record with a few bytes set, removed or inserted where the fuzzer says. */
    private static byte[] edited(FuzzedDataProvider input) {
        byte[] bytes = original.clone();
        int edits = input.consumeInt(1, 8);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            int at = input.consumeInt(0, bytes.length - 1);
            switch (input.consumeInt(0, 2)) {
                case 0 -> bytes[at] = input.consumeByte();
                case 1 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = input.consumeByte();
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}
