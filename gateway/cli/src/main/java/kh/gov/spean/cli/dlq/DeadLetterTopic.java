package kh.gov.spean.cli.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.deadletter.DeadLetter;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.Topics;

/** Reads a member's dead-letter topic from its start to its end as it is now, without joining a consumer group. */
final class DeadLetterTopic {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    private DeadLetterTopic() {
    }

    static List<DeadLetter> read(KafkaSettings kafka, MemberId member) {
        try {
            return readAll(kafka, member);
        } catch (KafkaException e) {
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "cannot read " + Topics.deadLetters(member)
                    + " from Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage());
        }
    }

    private static List<DeadLetter> readAll(KafkaSettings kafka, MemberId member) {
        List<DeadLetter> letters = new ArrayList<>();
        Properties properties = kafka.consumerProperties("spean-dlq-reader");
        // An operator at a terminal, not a node: a broker that does not answer is said in seconds, not in Kafka's 60.
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetters(member)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    letters.add(SpeanJson.fromBytes(record.value(), DeadLetter.class));
                }
            }
        }
        letters.sort((a, b) -> a.deadLetteredAt().compareTo(b.deadLetteredAt()));
        return letters;
    }
}
