package kh.gov.spean.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.PayloadCommitment;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Opens an envelope's commitments: given the plaintext and salt a ministry kept, says whether they are exactly what the
 * signed header committed to; given the request target too (the path and query after the service id, as sent), whether
 * it opens the header's {@code rest.targetCommitment} (same salt, decision 0046). The log holds no payload and no
 * path; this is how they are proved afterwards.
 */
public final class CommitmentCheck {

    /**
     * Whether the payload opens the commitment; the target's verdict; the signed header it was checked against.
     */
    public record Result(boolean opens, TargetVerdict target, EnvelopeHeader header) {
    }

    /** What became of the request target's commitment. */
    public enum TargetVerdict {
        /** The target given opens the header's commitment. */
        OPENS,
        /** The target given does not. */
        DIFFERS,
        /** The header commits to a target, but none was given to check. */
        NOT_GIVEN,
        /** The header commits to no target (an envelope of the first layout, or not a request). */
        NONE_COMMITTED
    }

    private CommitmentCheck() {
    }

    /** {@code target} is null when only the payload is to be checked. */
    public static Result check(LogFiles files, String envelopeId, byte[] payload, byte[] salt, String target)
            throws IOException {
        LogReader.StoredEntry stored = LogReader.find(files, envelopeId).entry();
        if (stored == null) {
            throw new SpeanException(ErrorCode.UNKNOWN_ENTRY, "no entry for envelope " + envelopeId + " in " + files.directory());
        }
        EnvelopeHeader header = EnvelopeCodec.decodeHeader(Digests.fromBase64(stored.entry().header()));
        boolean opens = MessageDigest.isEqual(Digests.fromBase64(header.payloadCommitment()),
                PayloadCommitment.commit(salt, payload));
        String committed = header.rest() == null ? null : header.rest().targetCommitment();
        TargetVerdict verdict;
        if (committed == null) {
            verdict = TargetVerdict.NONE_COMMITTED;
        } else if (target == null) {
            verdict = TargetVerdict.NOT_GIVEN;
        } else {
            verdict = MessageDigest.isEqual(Digests.fromBase64(committed),
                    PayloadCommitment.commit(salt, target.getBytes(StandardCharsets.UTF_8)))
                    ? TargetVerdict.OPENS : TargetVerdict.DIFFERS;
        }
        return new Result(opens, verdict, header);
    }
}
