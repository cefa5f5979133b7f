package kh.gov.spean.envelope;

import jakarta.json.bind.JsonbException;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;

/**
 * The envelope's wire form: a JSON object holding the signed header bytes, the signature and the sealed payload, each
 * base64. The header bytes are carried verbatim, so anyone holding the envelope reproduces the signed bytes exactly.
 */
public final class EnvelopeCodec {

    /** The JSON object on the wire. */
    public record WireEnvelope(int v, String header, String signature, String payload) {
    }

    private EnvelopeCodec() {
    }

    public static byte[] encode(Envelope envelope) {
        return SpeanJson.toBytes(new WireEnvelope(EnvelopeHeader.CURRENT_VERSION, Digests.base64(envelope.headerBytes()),
                Digests.base64(envelope.signature()), Digests.base64(envelope.ciphertext())));
    }

    /** Parses an envelope; anything that does not parse, or a header that is not valid, is ENVELOPE_MALFORMED. */
    public static Envelope decode(byte[] bytes) {
        WireEnvelope wire;
        try {
            wire = SpeanJson.fromBytes(bytes, WireEnvelope.class);
        } catch (JsonbException | IllegalArgumentException e) {
            throw malformed("not an envelope: " + firstLine(e));
        }
        if (wire == null || wire.header() == null || wire.signature() == null || wire.payload() == null) {
            throw malformed("the envelope lacks its header, signature or payload");
        }
        try {
            byte[] headerBytes = Digests.fromBase64(wire.header());
            return new Envelope(headerBytes, decodeHeader(headerBytes), Digests.fromBase64(wire.signature()),
                    Digests.fromBase64(wire.payload()));
        } catch (IllegalArgumentException e) {
            throw malformed("bad base64 in the envelope");
        }
    }

    public static byte[] encodeHeader(EnvelopeHeader header) {
        return SpeanJson.toBytes(header);
    }

    public static EnvelopeHeader decodeHeader(byte[] headerBytes) {
        try {
            EnvelopeHeader header = SpeanJson.fromBytes(headerBytes, EnvelopeHeader.class);
            if (header == null) {
                throw malformed("empty envelope header");
            }
            return header;
        } catch (JsonbException | IllegalArgumentException | NullPointerException e) {
            throw malformed("invalid envelope header: " + firstLine(e));
        }
    }

    /** JSON-B wraps the real reason (our identifier validation) several causes deep; show the innermost, one line. */
    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static SpeanException malformed(String detail) {
        return new SpeanException(ErrorCode.ENVELOPE_MALFORMED, detail);
    }
}
