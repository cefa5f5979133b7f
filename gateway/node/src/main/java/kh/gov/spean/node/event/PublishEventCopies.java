package kh.gov.spean.node.event;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.kafka.Topics;

/**
 * Step: writes every copy of an event to the message log in one group commit, then hands each to its subscriber's
 * inbox and waits for Kafka to take it. The publisher hears 202 only when all copies are on Kafka.
 */
public final class PublishEventCopies implements Processor {

    private final MessageLog log;
    private final MemberId node;
    private final X509Certificate signingCertificate;
    private final ProducerTemplate producer;
    private final String outbox;

    public PublishEventCopies(MessageLog log, MemberId node, X509Certificate signingCertificate,
                              ProducerTemplate producer, String outbox) {
        this.log = log;
        this.node = node;
        this.signingCertificate = signingCertificate;
        this.producer = producer;
        this.outbox = outbox;
    }

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Envelope> copies = exchange.getProperty(ExchangeKeys.EVENT_COPIES, List.class);
        log.append(copies.stream().map(copy -> LogEntries.sent(node, copy, signingCertificate)).toList());
        for (Envelope copy : copies) {
            Exception failure = producer.send(outbox, record -> {
                record.getMessage().setHeader(KafkaConstants.OVERRIDE_TOPIC, Topics.inbox(copy.header().recipient()));
                record.getMessage().setHeader(KafkaConstants.KEY,
                        copy.header().id().toString().getBytes(StandardCharsets.UTF_8));
                record.getMessage().setBody(EnvelopeCodec.encode(copy));
            }).getException();
            if (failure != null) {
                throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "the copy for " + copy.header().client()
                        + " could not be handed to Kafka: " + failure.getMessage(), failure);
            }
        }
    }
}
