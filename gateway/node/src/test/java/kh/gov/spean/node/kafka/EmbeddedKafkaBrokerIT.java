package kh.gov.spean.node.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker of its own, not the shared one: what it holds the moment it is started is the point. */
class EmbeddedKafkaBrokerIT {

    @Test
    void a_started_broker_already_has_its_offsets_topic_before_any_consumer_joins(@TempDir Path data) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data);
             Admin admin = Admin.create(KafkaSettings.defaults(broker.bootstrapServers(),
                     KafkaSettings.DEFAULT_MAX_RECORD_BYTES).adminProperties())) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS);

            // Otherwise each node's consumers, joining their groups at once, would all ask the broker to create it.
            assertTrue(topics.contains("__consumer_offsets"), "the broker's topics: " + topics);
        }
    }
}
