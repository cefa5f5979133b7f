package kh.gov.spean.node;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.error.ErrorCode;

/**
 * The failure an error policy caught, classified once: its code, a detail safe to show, and the envelope it concerns
 * if one was read or built. An internal failure is logged here, with its stack trace, and only here.
 */
public record CaughtFailure(ErrorCode code, String detail, Envelope envelope) {

    private static final Logger LOG = LoggerFactory.getLogger(CaughtFailure.class);

    public static CaughtFailure of(Exchange exchange, String where) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ErrorCode code = ErrorClassifier.codeOf(failure);
        if (code == ErrorCode.INTERNAL) {
            LOG.error("internal failure in {}", where, failure);
        }
        return new CaughtFailure(code, ErrorClassifier.detailOf(failure), exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class));
    }

    /** Records the refusal with the node's events. */
    public void report(NodeEvents events, String where) {
        events.rejected(envelope == null ? null : envelope.header().id(), code, detail, where);
    }
}
