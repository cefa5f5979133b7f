package kh.gov.spean.node.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Publishes one record outside a route — a one-way message's next attempt, an event's copies, a dead letter, a
 * delivery claim —
 * through the node's Kafka producer endpoint, and waits for Kafka to take it.
 */
public final class RecordPublisher {

    private final ProducerTemplate producer;
    private final String outbox;

    public RecordPublisher(ProducerTemplate producer, String outboxEndpoint) {
        this.producer = producer;
        this.outbox = outboxEndpoint;
    }

    /** Throws TRANSPORT_UNAVAILABLE naming {@code what} when Kafka does not take the record. */
    public void publish(String topic, String key, byte[] value, String what) {
        publish(topic, key, value, Map.of(), what);
    }

    /** The same, with Kafka record headers. */
    public void publish(String topic, String key, byte[] value, Map<String, String> headers, String what) {
        send(topic, key, value, headers, what);
    }

    /** The same, returning where Kafka put the record (its partition and offset). */
    public RecordMetadata publishAt(String topic, String key, byte[] value, String what) {
        List<?> written = send(topic, key, value, Map.of(), what).getMessage()
                .getHeader(KafkaConstants.KAFKA_RECORD_META, List.class);
        if (written == null || written.isEmpty() || !(written.get(0) instanceof RecordMetadata metadata)) {
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, what + ": Kafka did not say where it wrote it");
        }
        return metadata;
    }

    private Exchange send(String topic, String key, byte[] value, Map<String, String> headers, String what) {
        Exchange sent = producer.send(outbox, record -> {
            record.getMessage().setHeader(KafkaConstants.OVERRIDE_TOPIC, topic);
            record.getMessage().setHeader(KafkaConstants.KEY, key.getBytes(StandardCharsets.UTF_8));
            headers.forEach(record.getMessage()::setHeader);
            record.getMessage().setBody(value);
        });
        Exception failure = sent.getException();
        if (failure != null) {
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, what + " could not be handed to Kafka: "
                    + failure.getMessage(), failure);
        }
        return sent;
    }
}
