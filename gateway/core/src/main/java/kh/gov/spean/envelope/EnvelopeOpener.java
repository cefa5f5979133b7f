package kh.gov.spean.envelope;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Decrypts a verified envelope's payload with this member's encryption key and checks it against the signed commitment. */
public final class EnvelopeOpener {

    private final PayloadOpener opener;

    public EnvelopeOpener(PayloadOpener opener) {
        this.opener = opener;
    }

    public SaltedPayload open(Envelope envelope) {
        SaltedPayload opened = SaltedPayload.split(opener.open(envelope.ciphertext()));
        RestFields rest = envelope.header().rest();
        if (rest != null) {
            opened = opened.framed();
        }
        if (!opened.matches(commitment(envelope.header().payloadCommitment()))) {
            throw new SpeanException(ErrorCode.COMMITMENT_MISMATCH,
                    "the decrypted payload does not match the commitment in the signed header");
        }
        if (rest != null && rest.targetCommitment() != null
                && !opened.targetMatches(commitment(rest.targetCommitment()))) {
            throw new SpeanException(ErrorCode.COMMITMENT_MISMATCH,
                    "the decrypted request target does not match the commitment in the signed header");
        }
        return opened;
    }

    private static byte[] commitment(String base64) {
        try {
            return Digests.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.ENVELOPE_MALFORMED, "a commitment in the header is not base64");
        }
    }
}
