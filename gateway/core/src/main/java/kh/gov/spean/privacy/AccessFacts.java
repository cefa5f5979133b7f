package kh.gov.spean.privacy;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.log.LogEntry;

/**
 * What one access was, read from the provider's log entries alone: the request's signed header (signed by the client's
 * member, so it proves client, official, issue and purpose) and the header of the answer the provider sent back.
 */
final class AccessFacts {

    static final String NO_ANSWER = "no answer logged";

    private AccessFacts() {
    }

    /** The access the {@code request} entry and its {@code answer} entry (null if none) record, evidence left empty. */
    static SubjectAccesses.Access of(LogEntry request, LogEntry answer) {
        EnvelopeHeader header = header(request);
        RestFields rest = header.rest();
        return new SubjectAccesses.Access(request.recordedAt(), header.service().toString(), header.client().toString(),
                rest == null ? null : rest.userId(), rest == null ? null : rest.issue(),
                rest == null ? null : rest.purpose(), answer == null ? NO_ANSWER : outcome(header(answer)), null, null);
    }

    /** The signed header an entry holds; IllegalArgumentException when it holds none, SpeanException when it does not read. */
    static EnvelopeHeader header(LogEntry entry) {
        if (entry.header() == null) {
            throw new IllegalArgumentException("entry " + entry.index() + " holds no envelope header");
        }
        return EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header()));
    }

    /** True when {@code header} is an answer (response, receipt or error) to the request {@code requestHeader}. */
    static boolean answers(EnvelopeHeader header, EnvelopeHeader requestHeader) {
        return header.type().answersARequest() && header.correlationId().equals(requestHeader.id());
    }

    private static String outcome(EnvelopeHeader answer) {
        if (answer.type() == EnvelopeType.ERROR) {
            return answer.errorCode();
        }
        if (answer.type() == EnvelopeType.RECEIPT) {
            return "receipted";
        }
        return answer.rest() == null || answer.rest().status() == null ? "answered" : "answered " + answer.rest().status();
    }
}
