package kh.gov.spean.log;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.MemberId;

/** Builds the message-log entry for each thing a node does with an envelope; never with a plaintext payload. */
public final class LogEntries {

    private static final int MAX_DETAIL = 300;

    private LogEntries() {
    }

    public static LogEntry sent(MemberId node, Envelope envelope, X509Certificate signer) {
        return ofEnvelope(LogEntryKind.SENT, node, envelope, signer, LogEntry.SIGNED, null);
    }

    public static LogEntry received(MemberId node, Envelope envelope, X509Certificate signer) {
        return ofEnvelope(LogEntryKind.RECEIVED, node, envelope, signer, LogEntry.VERIFIED, null);
    }

    public static LogEntry delivered(MemberId node, Envelope envelope, X509Certificate signer, String route) {
        return ofEnvelope(LogEntryKind.DELIVERED, node, envelope, signer, LogEntry.VERIFIED, "handed to " + route);
    }

    /** A verified envelope that can never be delivered, set aside on the dead-letter topic with its reason. */
    public static LogEntry deadLettered(MemberId node, Envelope envelope, X509Certificate signer, ErrorCode code,
                                        String detail) {
        return ofEnvelope(LogEntryKind.DEAD_LETTERED, node, envelope, signer, code.code(), shorten(detail));
    }

    /**
     * A refusal: the envelope as far as it could be read (its header and signature, even if they do not verify), or
     * only the SHA-256 of what arrived when nothing could be read.
     */
    public static LogEntry rejected(MemberId node, Envelope envelope, byte[] raw, String where, ErrorCode code,
                                    String detail) {
        String recordDigest = raw == null ? null : Digests.hex(Digests.sha256(raw));
        String note = where + ": " + shorten(detail);
        if (envelope == null) {
            return new LogEntry(0, null, null, LogEntryKind.REJECTED.wireName(), node.toString(), null, null, null, null,
                    null, null, null, null, null, null, recordDigest, code.code(), note, null, null);
        }
        EnvelopeHeader header = envelope.header();
        return new LogEntry(0, null, null, LogEntryKind.REJECTED.wireName(), node.toString(), header.id().toString(),
                header.type().wireName(), header.sender().toString(), header.recipient().toString(),
                header.client().toString(), header.service().toString(), Digests.base64(envelope.headerBytes()),
                Digests.base64(envelope.signature()), null, Digests.base64(Digests.sha256(envelope.ciphertext())),
                recordDigest, code.code(), note, null, null);
    }

    /** A refusal at the HTTP edge, before any envelope existed: who asked for what, and the digest of the body. */
    public static LogEntry refusedCall(MemberId node, String client, String service, byte[] body, ErrorCode code,
                                       String detail) {
        return new LogEntry(0, null, null, LogEntryKind.REJECTED.wireName(), node.toString(), null, null, null, null,
                shorten(client), shorten(service), null, null, null, null,
                body == null ? null : Digests.hex(Digests.sha256(body)), code.code(), "http: " + shorten(detail), null, null);
    }

    /**
     * Refusals of unauthenticated messages from one source with one code, counted over a window (decision 0038):
     * {@code count} of them between {@code since} and the entry's time, and the detail of the first.
     */
    public static LogEntry refusals(MemberId node, String source, ErrorCode code, long count, Instant since,
                                    String firstDetail) {
        return new LogEntry(0, null, null, LogEntryKind.REJECTED.wireName(), node.toString(), null, null, shorten(source),
                null, null, null, null, null, null, null, null, code.code(),
                "inbox: " + count + " refused since " + since + "; the first: " + shorten(firstDetail), count, null);
    }

    /** A witnessed checkpoint of another log that does not extend the last one this node saw. */
    public static LogEntry alarm(MemberId node, String origin, ErrorCode code, String detail) {
        return new LogEntry(0, null, null, LogEntryKind.ALARM.wireName(), node.toString(), null, null, null, null, null,
                null, null, null, null, null, null, code.code(), shorten(origin + ": " + detail), null, null);
    }

    private static LogEntry ofEnvelope(LogEntryKind kind, MemberId node, Envelope envelope, X509Certificate signer,
                                       String result, String detail) {
        EnvelopeHeader header = envelope.header();
        return new LogEntry(0, null, null, kind.wireName(), node.toString(), header.id().toString(),
                header.type().wireName(), header.sender().toString(), header.recipient().toString(),
                header.client().toString(), header.service().toString(), Digests.base64(envelope.headerBytes()),
                Digests.base64(envelope.signature()), certificateReference(signer),
                Digests.base64(Digests.sha256(envelope.ciphertext())), null, result, detail, null, null);
    }

    static String certificateReference(X509Certificate certificate) {
        try {
            return Digests.hex(Digests.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unreadable certificate", e);
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
