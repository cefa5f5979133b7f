package kh.gov.spean.node.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Creates the topics a node needs if they are missing; idempotent, and bounded by a deadline. */
public final class TopicAdministrator implements AutoCloseable {

    static final long DEADLINE_SECONDS = 30;

    private final Admin admin;
    private final int maxRecordBytes;

    public TopicAdministrator(KafkaSettings settings) {
        this.admin = Admin.create(settings.adminProperties());
        this.maxRecordBytes = settings.maxRecordBytes();
    }

    /**
     * Creates the topics that do not exist yet, with {@code partitions} partitions and the cluster's own replication
     * factor ({@code default.replication.factor}: 1 on the embedded broker, 3 on a production cluster).
     */
    public void ensureTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty())
                    .configs(Map.of("max.message.bytes", String.valueOf(maxRecordBytes))));
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw unavailable("cannot create topic " + result.getKey() + ": " + e.getCause().getMessage(), e);
                }
            } catch (TimeoutException e) {
                throw unavailable("Kafka did not create topic " + result.getKey() + " within " + DEADLINE_SECONDS + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while creating topics", e);
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    private static SpeanException unavailable(String detail, Exception cause) {
        return new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, detail, cause);
    }
}
