package kh.gov.spean.log;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One message-log entry: what happened to one envelope (or one refused message) on this node. It holds the envelope's
 * signed header bytes, its signature and the digest of its ciphertext — enough to re-verify it later with OpenSSL —
 * and never a plaintext payload.
 *
 * @param index        position in the log, from 0
 * @param previous     hex RFC 9162 leaf hash of the entry before (empty for the first), so a changed entry is named
 * @param header       base64 of the envelope's signed header bytes, when there was a readable envelope
 * @param signature    base64 DER CMS signature over those bytes
 * @param signer       hex SHA-256 of the signer certificate (the reference an auditor looks it up by)
 * @param ciphertextSha256 base64 SHA-256 of the ciphertext as received or sent
 * @param recordSha256 hex SHA-256 of the raw message as it arrived, for refusals of what could not be read
 * @param result       {@code verified} or {@code signed} for accepted envelopes, the error code for refusals
 * @param count        for a refusal entry that counts unauthenticated refusals of one source and code over a window
 *                     (decision 0038), how many there were; absent on an entry that records one message
 * @param subjectTag   on a delivered request to a personal-data service: the keyed tag of its data subject
 *                     ({@code v<key version>:<base64url HMAC>}), never the subject's id itself
 */
@JsonbPropertyOrder({"index", "previous", "recordedAt", "kind", "node", "envelopeId", "type", "sender", "recipient",
        "client", "service", "header", "signature", "signer", "ciphertextSha256", "recordSha256", "result", "detail", "count", "subjectTag"})
public record LogEntry(
        long index,
        String previous,
        Instant recordedAt,
        String kind,
        String node,
        String envelopeId,
        String type,
        String sender,
        String recipient,
        String client,
        String service,
        String header,
        String signature,
        String signer,
        String ciphertextSha256,
        String recordSha256,
        String result,
        String detail,
        Long count,
        String subjectTag) {

    public static final String VERIFIED = "verified";
    public static final String SIGNED = "signed";

    /** The same entry placed at {@code index} after the entry whose leaf hash is {@code previous}, recorded at {@code at}. */
    public LogEntry placed(long newIndex, String newPrevious, Instant at) {
        return new LogEntry(newIndex, newPrevious, at, kind, node, envelopeId, type, sender, recipient, client, service,
                header, signature, signer, ciphertextSha256, recordSha256, result, detail, count, subjectTag);
    }

    /** The same entry with the keyed tag of its data subject. */
    public LogEntry withSubjectTag(String tag) {
        return new LogEntry(index, previous, recordedAt, kind, node, envelopeId, type, sender, recipient, client,
                service, header, signature, signer, ciphertextSha256, recordSha256, result, detail, count, tag);
    }

    /** How many refusals the entry records: its count when it counts several, 1 for one refusal, 0 for anything else. */
    public long refusals() {
        if (!LogEntryKind.REJECTED.wireName().equals(kind)) {
            return 0;
        }
        return count == null ? 1 : count;
    }

    /** True when the entry records an envelope whose signature must verify (it was signed here or accepted here). */
    public boolean recordsAcceptedEnvelope() {
        return !LogEntryKind.REJECTED.wireName().equals(kind) && !LogEntryKind.ALARM.wireName().equals(kind);
    }
}
