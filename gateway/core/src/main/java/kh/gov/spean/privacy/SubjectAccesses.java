package kh.gov.spean.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A member node's answer to the data-protection office's {@code subjectAccesses} request: every request its log
 * recorded as delivered with the subject's tag, each with the outcome its node sent back, and the evidence — the exact
 * log lines and their RFC 9162 inclusion proofs against one signed, timestamped checkpoint. It never names the subject.
 *
 * @param member     the member whose node answers
 * @param checkpoint the checkpoint every proof leads to
 * @param accesses   the accesses, oldest first
 */
public record SubjectAccesses(String member, SignedCheckpointFiles checkpoint, List<Access> accesses) {

    /**
     * A checkpoint as its files hold it, each base64: the C2SP checkpoint text, the node's detached CMS signature over
     * it, and its RFC 3161 timestamp response.
     */
    public record SignedCheckpointFiles(String text, String signature, String timestamp) {
    }

    /**
     * One access, as the signed request header says it (time is the provider's delivered entry's), and its evidence.
     *
     * @param outcome {@code answered <HTTP status>}, {@code receipted}, the error code sent back, or
     *                {@code no answer logged} when none was logged before the checkpoint
     * @param request the provider's {@code delivered} entry of the request
     * @param answer  the provider's {@code sent} entry of its answer, or null when none was logged
     */
    public record Access(Instant time, String service, String client, String official, String issue, String purpose,
                         String outcome, ProvenEntry request, ProvenEntry answer) {
    }

    /**
     * A log entry and its inclusion proof.
     *
     * @param index     its index in the log
     * @param line      base64 of the entry's exact line (the Merkle leaf)
     * @param auditPath the RFC 9162 inclusion proof, hex hashes
     */
    public record ProvenEntry(long index, String line, List<String> auditPath) {
    }
}
