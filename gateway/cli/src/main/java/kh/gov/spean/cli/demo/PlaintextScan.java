package kh.gov.spean.cli.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import kh.gov.spean.node.kafka.KafkaSettings;

/** Reads every record on the inbox topics, as an eavesdropper would, and looks for any payload value in the clear. */
final class PlaintextScan {

    /** How many records were read and which secrets, if any, showed. */
    record Result(int records, List<String> leaked) {
    }

    private PlaintextScan() {
    }

    static Result scan(KafkaSettings kafka, Set<String> topics, List<String> secrets) {
        List<String> leaked = new ArrayList<>();
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumerProperties("spean-demo-scan"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    String text = new String(record.value(), StandardCharsets.ISO_8859_1);
                    for (String secret : secrets) {
                        String needle = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                        if (text.contains(needle) && !leaked.contains(secret)) {
                            leaked.add(secret);
                        }
                    }
                }
            }
        }
        return new Result(records, leaked);
    }

    /** The string values of the requests the demo sends: what must never be readable on a topic. */
    static List<String> secretsOf(List<JsonObject> requests) {
        List<String> secrets = new ArrayList<>();
        for (JsonObject request : requests) {
            request.values().stream().filter(JsonString.class::isInstance)
                    .map(value -> ((JsonString) value).getString())
                    .filter(value -> value.length() >= 6)
                    .forEach(secrets::add);
        }
        return secrets;
    }
}
