package kh.gov.spean.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import kh.gov.spean.node.kafka.KafkaSettings;

/**
 * Waits until a consumer group has settled: all its members joined and every partition of its topic assigned. A node
 * is ready before its consumers have joined their groups, and while they join one after another the group rebalances
 * and takes nothing for seconds at a time; a path measured from a node just started would measure that.
 */
final class ConsumerGroupSettled {

    private static final Duration POLL = Duration.ofMillis(100);

    private ConsumerGroupSettled() {
    }

    /** Returns once {@code group} is stable with {@code members} members sharing every partition of {@code topic}. */
    static void await(String bootstrapServers, String group, String topic, int members, Duration limit)
            throws InterruptedException {
        try (Admin kafka = Admin.create(KafkaSettings.defaults(bootstrapServers, KafkaSettings.DEFAULT_MAX_RECORD_BYTES)
                .adminProperties())) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!settled(kafka, group, topic, members)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consumer group " + group + " did not settle on " + topic
                            + " within " + limit.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static boolean settled(Admin kafka, String group, String topic, int members) throws InterruptedException {
        try {
            int partitions = kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            ConsumerGroupDescription described = kafka.describeConsumerGroups(List.of(group)).all().get().get(group);
            long assigned = described.members().stream()
                    .mapToLong(member -> member.assignment().topicPartitions().size()).sum();
            return described.groupState() == GroupState.STABLE && described.members().size() == members
                    && assigned == partitions;
        } catch (ExecutionException notYet) {
            return false;
        }
    }
}
