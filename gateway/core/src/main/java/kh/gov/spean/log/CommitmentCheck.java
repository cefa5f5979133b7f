package kh.gov.spean.log;

import java.io.IOException;
import java.security.MessageDigest;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.PayloadCommitment;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Opens an envelope's commitment: given the plaintext and salt a ministry kept, says whether they are exactly what the
 * signed header committed to. The log holds no payload; this is how one is proved afterwards.
 */
public final class CommitmentCheck {

    /** Whether the payload opens the commitment, and the signed header it was checked against. */
    public record Result(boolean opens, EnvelopeHeader header) {
    }

    private CommitmentCheck() {
    }

    public static Result check(LogFiles files, String envelopeId, byte[] payload, byte[] salt) throws IOException {
        LogReader.StoredEntry stored = LogReader.find(files, envelopeId).entry();
        if (stored == null) {
            throw new SpeanException(ErrorCode.UNKNOWN_ENTRY, "no entry for envelope " + envelopeId + " in " + files.directory());
        }
        EnvelopeHeader header = EnvelopeCodec.decodeHeader(Digests.fromBase64(stored.entry().header()));
        boolean opens = MessageDigest.isEqual(Digests.fromBase64(header.payloadCommitment()),
                PayloadCommitment.commit(salt, payload));
        return new Result(opens, header);
    }
}
