package kh.gov.spean.node.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import kh.gov.spean.node.kafka.KafkaSettings;

/**
 * How far a consumer group is behind its topic: per partition, the end offset less the group's committed offset (the
 * earliest offset where it committed none), summed. Asked of the cluster with a short deadline and kept a few
 * seconds, so that a metrics scraper cannot load the broker; unknown (NaN) while the cluster does not answer.
 */
public final class ConsumerLag implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration KEPT_FOR = Duration.ofSeconds(5);

    private record Measured(double records, Instant at) {
    }

    private final Admin kafka;
    private final Clock clock;
    private final Map<String, Measured> measured = new HashMap<>();

    public ConsumerLag(KafkaSettings kafka, Clock clock) {
        this.kafka = Admin.create(kafka.adminProperties());
        this.clock = clock;
    }

    /** Records of {@code topic} that consumer group {@code group} has not committed yet; NaN if unknown. */
    public synchronized double records(String group, String topic) {
        Instant now = clock.instant();
        Measured last = measured.get(group + "/" + topic);
        if (last != null && now.isBefore(last.at().plus(KEPT_FOR))) {
            return last.records();
        }
        double records = measure(group, topic);
        measured.put(group + "/" + topic, new Measured(records, now));
        return records;
    }

    private double measure(String group, String topic) {
        try {
            List<TopicPartition> partitions = kafka.describeTopics(List.of(topic)).allTopicNames()
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : starts.get(partition).offset();
                lag += Math.max(0, ends.get(partition).offset() - from);
            }
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Double.NaN;
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(List<TopicPartition> partitions,
                                                                                  OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> asked = partitions.stream().collect(Collectors.toMap(Function.identity(),
                partition -> spec));
        return kafka.listOffsets(asked).all().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        kafka.close(DEADLINE);
    }
}
