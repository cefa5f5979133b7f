package kh.gov.spean.node.exchange;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.node.kafka.Topics;

/** Turns a Camel message into the Kafka record for an envelope: the recipient's inbox or answers topic, keyed by envelope id. */
public final class KafkaRecord {

    private KafkaRecord() {
    }

    public static void address(Message message, Envelope envelope) {
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, Topics.of(envelope.header()));
        message.setHeader(KafkaConstants.KEY, envelope.header().id().toString().getBytes(StandardCharsets.UTF_8));
        message.setBody(EnvelopeCodec.encode(envelope));
    }
}
