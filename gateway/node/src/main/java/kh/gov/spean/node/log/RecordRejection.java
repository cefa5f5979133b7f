package kh.gov.spean.node.log;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.CaughtFailure;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.ServiceCall;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Writes each refusal to the message log with its code: the envelope as far as it was read, or the digest of what came.
 * A message off Kafka whose signature was not verified (anyone can write one, for free) is counted instead, per
 * topic/partition and code, into one entry per window (decision 0038).
 */
public final class RecordRejection {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRejection.class);

    private final MessageLog log;
    private final MemberId node;

    public RecordRejection(MessageLog log, MemberId node) {
        this.log = log;
        this.node = node;
    }

    /** A refusal of an envelope read off Kafka. */
    public void inbox(CaughtFailure failure, Exchange exchange) {
        if (!Boolean.TRUE.equals(exchange.getProperty(ExchangeKeys.AUTHENTICATED, Boolean.class))) {
            try {
                log.countRefusal(node, exchange.getProperty(ExchangeKeys.RECORD_SOURCE, "inbox", String.class),
                        failure.code(), failure.detail());
            } catch (RuntimeException e) {
                LOG.error("cannot count a refusal for the message log: {}", e.getMessage());
            }
            return;
        }
        append(LogEntries.rejected(node, failure.envelope(), exchange.getProperty(ExchangeKeys.RAW_RECORD, byte[].class),
                "inbox", failure.code(), failure.detail()));
    }

    /** A refusal at the HTTP edge; {@code body} is what the caller sent (only its digest is kept). */
    public void http(CaughtFailure failure, Exchange exchange, byte[] body) {
        if (failure.envelope() != null) {
            append(LogEntries.rejected(node, failure.envelope(), null, "http", failure.code(), failure.detail()));
        } else {
            append(LogEntries.refusedCall(node, exchange.getMessage().getHeader(XRoadHeaders.CLIENT, String.class),
                    calledService(exchange), body, failure.code(), failure.detail()));
        }
    }

    /**
     * The service the call named, once it was read, without the path and query after it: they may name a data subject
     * (decision 0058), and only the provider's node, which tags it, may read them. Before that, the path as it came.
     */
    private static String calledService(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        return call != null ? call.service().id().toString()
                : exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
    }

    /** A request refused before any route: nothing of it was read but, at most, its path. */
    public void beforeAnyRoute(ErrorCode code, String detail, String path) {
        append(LogEntries.refusedCall(node, null, path, null, code, detail));
    }

    private void append(LogEntry entry) {
        try {
            log.append(entry);
        } catch (RuntimeException e) {
            // The refusal stands either way; a log that cannot be written is the operator's alarm, not the caller's.
            LOG.error("cannot write a refusal to the message log: {}", e.getMessage());
        }
    }
}
