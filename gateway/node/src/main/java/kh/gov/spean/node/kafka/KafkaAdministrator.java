package kh.gov.spean.node.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * What a node sets up in Kafka before its consumers start: the topics it needs, created if missing (the operator
 * creates the federation's topics the same way), and its own answers group, cleared of the members a killed run of the
 * same node left. Idempotent, each step bounded by a deadline.
 */
public final class KafkaAdministrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAdministrator.class);

    static final long DEADLINE_SECONDS = 30;

    private final Admin admin;
    private final int maxRecordBytes;

    public KafkaAdministrator(KafkaSettings settings) {
        this.admin = Admin.create(settings.adminProperties());
        this.maxRecordBytes = settings.maxRecordBytes();
    }

    /**
     * Creates the topics that do not exist yet, with {@code partitions} partitions and the cluster's own replication
     * factor ({@code default.replication.factor}: 1 on the embedded broker, 3 on a production cluster). Only the missing
     * ones are asked for: on a cluster with ACLs a node may see its topics but not create any (decision 0032), and one
     * missing there is refused naming who creates topics.
     */
    public void ensureTopics(Collection<String> names, int partitions) {
        ensureTopics(names, partitions, Map.of());
    }

    /**
     * Creates the members' delivered topics that do not exist yet, each with its one partition and keeping its claims
     * for {@code lookBack}: before any other topic is made from a list that names them (which would give them as many
     * partitions as an inbox).
     */
    public void ensureDeliveredTopics(Collection<MemberId> members, Duration lookBack) {
        ensureTopics(members.stream().map(Topics::delivered).toList(), Topics.DELIVERED_PARTITIONS,
                Topics.deliveredSettings(lookBack));
    }

    /** The same, with further topic settings (e.g. {@code retention.ms}). */
    public void ensureTopics(Collection<String> names, int partitions, Map<String, String> settings) {
        Map<String, String> configs = new java.util.HashMap<>(settings);
        configs.put("max.message.bytes", String.valueOf(maxRecordBytes));
        Set<String> existing = existingTopics();
        List<NewTopic> topics = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (!existing.contains(name)) {
                topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs));
            }
        }
        if (topics.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException
                        || e.getCause() instanceof ClusterAuthorizationException) {
                    throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "Kafka topic " + result.getKey()
                            + " does not exist (or this login may not see it), and this login may not create it: the "
                            + "operator creates the federation's topics (spean kafka acls --apply)", e);
                }
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

    /** The topics this login may see (all of them, where there are no ACLs). */
    private Set<String> existingTopics() {
        try {
            return admin.listTopics().names().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unavailable("cannot list Kafka's topics: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw unavailable("Kafka did not list its topics within " + DEADLINE_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while listing topics", e);
        }
    }

    /**
     * Removes every member of {@code groupId}, a group only this node joins (its answers group, decision 0015), before
     * its consumers join it. After a kill the dead run's members stay in the group until their session times out
     * (10 s), and until then the new run's consumers get no partition: a call made meanwhile is answered into a
     * partition nobody reads, and times out. A node that stopped cleanly left the group empty, and nothing is done.
     * It only speeds a restart up, so a failure is logged, not thrown. The groups are listed first: describing a group
     * on a cluster that has no offsets topic yet (a fresh broker) would have the broker create it, and warn of each
     * concurrent attempt.
     */
    public void removeStaleMembers(String groupId) {
        try {
            boolean withMembers = admin.listGroups().all().get(DEADLINE_SECONDS, TimeUnit.SECONDS).stream()
                    .anyMatch(listed -> listed.groupId().equals(groupId) && listed.groupState()
                            .map(state -> state != GroupState.EMPTY && state != GroupState.DEAD).orElse(true));
            if (!withMembers) {
                return;
            }
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                    .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            if (group.members().isEmpty()) {
                return;
            }
            RemoveMembersFromConsumerGroupOptions everyMember = new RemoveMembersFromConsumerGroupOptions();
            everyMember.reason("a new run of the node that owns the group is starting");
            admin.removeMembersFromConsumerGroup(groupId, everyMember).all().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // A member whose session ran out meanwhile is gone already, as wanted.
            if (!(e.getCause() instanceof GroupIdNotFoundException || e.getCause() instanceof UnknownMemberIdException)) {
                notCleared(groupId, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            notCleared(groupId, "no answer within " + DEADLINE_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while clearing consumer group " + groupId, e);
        }
    }

    /** Not a reason to refuse the start: the stale members go anyway once their session times out. */
    private static void notCleared(String groupId, String why) {
        LOG.warn("could not remove a killed run's members from consumer group {} ({}): its consumers get their "
                + "partitions once those members' session times out", groupId, why);
    }

    @Override
    public void close() {
        admin.close();
    }

    private static SpeanException unavailable(String detail, Exception cause) {
        return new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, detail, cause);
    }
}
