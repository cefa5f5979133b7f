package kh.gov.spean.node.event;

import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.kafka.RecordPublisher;
import kh.gov.spean.node.kafka.Topics;

/**
 * Step: writes every copy of an event to the message log in one group commit, then hands each to its subscriber's
 * inbox and waits for Kafka to take it. The publisher hears 202 only when all copies are on Kafka.
 */
public final class PublishEventCopies implements Processor {

    private final MessageLog log;
    private final MemberId node;
    private final X509Certificate signingCertificate;
    private final RecordPublisher publisher;

    public PublishEventCopies(MessageLog log, MemberId node, X509Certificate signingCertificate,
                              RecordPublisher publisher) {
        this.log = log;
        this.node = node;
        this.signingCertificate = signingCertificate;
        this.publisher = publisher;
    }

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Envelope> copies = exchange.getProperty(ExchangeKeys.EVENT_COPIES, List.class);
        log.append(copies.stream().map(copy -> LogEntries.sent(node, copy, signingCertificate)).toList());
        for (Envelope copy : copies) {
            publisher.publish(Topics.of(copy.header()), copy.header().id().toString(), EnvelopeCodec.encode(copy),
                    "the copy for " + copy.header().client());
        }
    }
}
