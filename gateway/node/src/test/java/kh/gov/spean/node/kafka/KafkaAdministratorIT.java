package kh.gov.spean.node.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** The node's Kafka set-up against a real broker: the topics it needs, and its own group cleared of a killed run's members. */
class KafkaAdministratorIT {

    private final KafkaSettings kafka = KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(),
            KafkaSettings.DEFAULT_MAX_RECORD_BYTES);

    @Test
    void the_members_a_killed_run_left_are_removed_and_the_next_consumer_gets_every_partition() throws Exception {
        String topic = "spean.test.stale-members." + UUID.randomUUID();
        String group = "spean-test-answers-" + UUID.randomUUID();
        try (KafkaAdministrator administrator = new KafkaAdministrator(kafka);
             Admin admin = Admin.create(kafka.adminProperties());
             KafkaConsumer<byte[], byte[]> abandoned = new KafkaConsumer<>(kafka.consumerProperties(group));
             KafkaConsumer<byte[], byte[]> next = new KafkaConsumer<>(kafka.consumerProperties(group))) {
            administrator.ensureTopics(List.of(topic), 2);
            abandoned.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                abandoned.poll(Duration.ofMillis(100));
                return abandoned.assignment().size() == 2;
            });
            // It polls no more and never leaves: its heartbeats keep it a member, as a killed run's member stays one
            // until its session times out (45 s with these settings).

            administrator.removeStaleMembers(group);

            assertTrue(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS)
                    .members().isEmpty(), "the group still has members");
            next.subscribe(List.of(topic));
            // Without the removal it would wait for the abandoned member to rejoin, for up to five minutes.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                next.poll(Duration.ofMillis(100));
                return next.assignment().size() == 2;
            });
        }
    }

    @Test
    void a_group_nobody_has_joined_yet_is_no_error() {
        try (KafkaAdministrator administrator = new KafkaAdministrator(kafka)) {
            assertDoesNotThrow(() -> administrator.removeStaleMembers("spean-test-answers-" + UUID.randomUUID()));
        }
    }
}
