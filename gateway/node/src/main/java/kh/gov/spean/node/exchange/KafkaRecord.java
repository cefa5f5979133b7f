package kh.gov.spean.node.exchange;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.kafka.Topics;

/**
 * Turns a Camel message into the Kafka record for an envelope: the recipient's inbox or answers topic, keyed by envelope
 * id. A request's record also names, in the Kafka header {@value #REPLY_TO}, the node of the member that sent it, and
 * its answer carries the same header back: a member running several nodes has every answer taken by the node whose
 * caller waits for it. The header is routing only, outside the signature; a forged one can misroute an answer into a
 * timeout, as a dropped record would, and nothing more.
 */
public final class KafkaRecord {

    public static final String REPLY_TO = "spean-reply-to";

    private KafkaRecord() {
    }

    public static void address(Message message, Envelope envelope) {
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, Topics.of(envelope.header()));
        message.setHeader(KafkaConstants.KEY, envelope.header().id().toString().getBytes(StandardCharsets.UTF_8));
        message.setBody(EnvelopeCodec.encode(envelope));
    }

    /** A request's record, naming {@code node} as the one to answer. */
    public static void request(Message message, Envelope request, String node) {
        address(message, request);
        message.setHeader(REPLY_TO, node);
    }

    /** An answer's record, addressed to the node the request named (kept by {@link #keepReplyTo}), if it named one. */
    public static void answer(Exchange exchange, Envelope answer) {
        address(exchange.getMessage(), answer);
        String node = exchange.getProperty(ExchangeKeys.REPLY_TO, String.class);
        if (node != null) {
            exchange.getMessage().setHeader(REPLY_TO, node);
        }
    }

    /** Keeps the node a received record names for the answer, before later steps clear the message's headers. */
    public static void keepReplyTo(Exchange exchange) {
        String node = replyTo(exchange.getMessage());
        if (node != null) {
            exchange.setProperty(ExchangeKeys.REPLY_TO, node);
        }
    }

    /** The node a received record names, or null. */
    public static String replyTo(Message message) {
        Object value = message.getHeader(REPLY_TO);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
