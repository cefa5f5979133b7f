package kh.gov.spean.node.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import kh.gov.spean.id.EnvelopeId;

/**
 * One node's word that it is handing a request envelope to its member's backend, as written on the member's
 * {@code spean.delivered} topic: a few lines of text (a format tag, the envelope id, the node, when the id may be
 * forgotten), each ending in a newline, then the base64 CMS signature of those lines by the member's signing key.
 * Plain lines rather than JSON: these records come off Kafka, and a line format is read without a general parser.
 */
public record DeliveryClaim(EnvelopeId envelopeId, String node, Instant forgettableAfter) {

    static final String FORMAT = "spean-delivery-claim/1";
    /** A claim is a few hundred bytes and a signature with its certificate; anything far longer is not one. */
    static final int MAX_RECORD_BYTES = 16 * 1024;

    /** A claim read off Kafka, with the exact bytes its signature covers. */
    public record Signed(DeliveryClaim claim, byte[] text, byte[] signature) {
    }

    public DeliveryClaim {
        if (envelopeId == null || forgettableAfter == null || node == null || !node.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("not a delivery claim");
        }
    }

    /** The bytes the node signs. */
    public byte[] text() {
        return (FORMAT + "\n" + envelopeId + "\n" + node + "\n" + forgettableAfter + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The Kafka record's value: the text, then its signature. */
    public byte[] record(byte[] signature) {
        return (new String(text(), StandardCharsets.UTF_8) + Base64.getEncoder().encodeToString(signature) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a record's value; throws {@link IllegalArgumentException} on anything that is not a claim. */
    public static Signed parse(byte[] value) {
        if (value == null || value.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("not a delivery claim: missing or too long");
        }
        String[] lines = new String(value, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != 6 || !FORMAT.equals(lines[0]) || !lines[5].isEmpty()) {
            throw new IllegalArgumentException("not a delivery claim: four lines and a signature expected");
        }
        try {
            DeliveryClaim claim = new DeliveryClaim(EnvelopeId.parse(lines[1]), lines[2], Instant.parse(lines[3]));
            byte[] signed = (String.join("\n", lines[0], lines[1], lines[2], lines[3]) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            return new Signed(claim, signed, Base64.getDecoder().decode(lines[4]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a delivery claim: " + e.getMessage(), e);
        }
    }
}
