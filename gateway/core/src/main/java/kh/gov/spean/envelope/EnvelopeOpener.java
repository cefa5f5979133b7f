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
        byte[] commitment;
        try {
            commitment = Digests.fromBase64(envelope.header().payloadCommitment());
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.ENVELOPE_MALFORMED, "the header's payload commitment is not base64");
        }
        if (!opened.matches(commitment)) {
            throw new SpeanException(ErrorCode.COMMITMENT_MISMATCH,
                    "the decrypted payload does not match the commitment in the signed header");
        }
        return opened;
    }
}
