package kh.gov.spean.node.log;

import java.security.cert.X509Certificate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.ExchangeKeys;

/** Step: writes the envelope this node just signed to the message log, durably, before it is published. */
public final class LogSentEnvelope implements Processor {

    private final MessageLog log;
    private final MemberId node;
    private final X509Certificate signingCertificate;

    public LogSentEnvelope(MessageLog log, MemberId node, X509Certificate signingCertificate) {
        this.log = log;
        this.node = node;
        this.signingCertificate = signingCertificate;
    }

    @Override
    public void process(Exchange exchange) {
        log.append(LogEntries.sent(node, exchange.getProperty(ExchangeKeys.OUTGOING_ENVELOPE, Envelope.class),
                signingCertificate));
    }
}
