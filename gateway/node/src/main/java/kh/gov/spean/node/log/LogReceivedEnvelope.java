package kh.gov.spean.node.log;

import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: writes a received, fully checked envelope to the message log, durably, before it moves on — and for a request,
 * its hand-off to the backend in the same group commit, with the keyed tag of its data subject when it names one.
 */
public final class LogReceivedEnvelope implements Processor {

    private final MessageLog log;
    private final MemberId node;
    private final boolean delivering;

    private LogReceivedEnvelope(MessageLog log, MemberId node, boolean delivering) {
        this.log = log;
        this.node = node;
        this.delivering = delivering;
    }

    /** For answers arriving at the client's node. */
    public static LogReceivedEnvelope answers(MessageLog log, MemberId node) {
        return new LogReceivedEnvelope(log, node, false);
    }

    /** For requests arriving at the provider's node, about to be handed to its backend. */
    public static LogReceivedEnvelope deliveries(MessageLog log, MemberId node) {
        return new LogReceivedEnvelope(log, node, true);
    }

    @Override
    public void process(Exchange exchange) {
        Envelope envelope = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        X509Certificate signer = exchange.getProperty(ExchangeKeys.SIGNER, X509Certificate.class);
        LogEntry received = LogEntries.received(node, envelope, signer);
        if (delivering) {
            String route = exchange.getProperty(ExchangeKeys.CONNECTOR_ROUTE, String.class);
            LogEntry delivered = LogEntries.delivered(node, envelope, signer, route);
            String subjectTag = exchange.getProperty(ExchangeKeys.SUBJECT_TAG, String.class);
            LogEntry logged = subjectTag == null ? delivered : delivered.withSubjectTag(subjectTag);
            exchange.setProperty(ExchangeKeys.DELIVERED_INDEX, log.append(List.of(received, logged)));
            exchange.setProperty(ExchangeKeys.DELIVERED_ENTRY, logged);
        } else {
            log.append(received);
        }
    }
}
