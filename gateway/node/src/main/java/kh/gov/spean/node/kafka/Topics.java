package kh.gov.spean.node.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.id.MemberId;

/** Kafka topic and consumer group names, in one place. */
public final class Topics {

    private Topics() {
    }

    /** A member's inbox: every envelope addressed to it. {@code spean.inbox.INSTANCE.CLASS.MEMBER}. */
    public static String inbox(MemberId member) {
        return "spean.inbox." + member.topicSuffix();
    }

    /**
     * A member's answers: responses, receipts and errors to requests it sent. {@code spean.answers.INSTANCE.CLASS.MEMBER}.
     * Apart from the inbox, so that a provider busy with a request — one whose connector itself calls another
     * service — never sits in front of the answer it waits for.
     */
    public static String answers(MemberId member) {
        return "spean.answers." + member.topicSuffix();
    }

    /**
     * A member's dead letters: verified messages that can never be delivered, each with its reason, for an operator to
     * list and redrive. {@code spean.dlq.INSTANCE.CLASS.MEMBER}.
     */
    public static String deadLetters(MemberId member) {
        return "spean.dlq." + member.topicSuffix();
    }

    /** The topic an envelope travels on: its recipient's answers if it answers a request, else its recipient's inbox. */
    public static String of(EnvelopeHeader header) {
        return header.type().answersARequest() ? answers(header.recipient()) : inbox(header.recipient());
    }

    /** Every topic that holds a member's envelopes. */
    public static List<String> of(MemberId member) {
        return List.of(inbox(member), answers(member), deadLetters(member));
    }

    /**
     * What a member's nodes have handed to their backends: one signed claim per request, read by every node of the
     * member so that a copy reaching another node after a rebalance is refused as a replay.
     * {@code spean.delivered.INSTANCE.CLASS.MEMBER}.
     */
    public static String delivered(MemberId member) {
        return "spean.delivered." + member.topicSuffix();
    }

    /** One partition: its order alone says which of a member's nodes claimed a request first. */
    public static final int DELIVERED_PARTITIONS = 1;

    /** A delivered topic keeps its claims for as long as they can matter, {@code lookBack}. */
    public static Map<String, String> deliveredSettings(Duration lookBack) {
        return Map.of("retention.ms", String.valueOf(lookBack.toMillis()));
    }

    /** Every topic of the federation: each member's inbox, answers, dead letters and delivered, and the checkpoints. */
    public static List<String> all(Collection<MemberId> members) {
        List<String> topics = new ArrayList<>();
        members.forEach(member -> {
            topics.addAll(of(member));
            topics.add(delivered(member));
        });
        topics.add(checkpoints());
        return topics;
    }

    /**
     * The topics a member's node reads or writes: every member's inbox and answers (its own included: a member may call
     * its own services), its own dead letters and delivered, and the checkpoints.
     */
    public static List<String> usedBy(MemberId member, Collection<MemberId> members) {
        List<String> topics = new ArrayList<>();
        for (MemberId each : members) {
            topics.add(inbox(each));
            topics.add(answers(each));
        }
        topics.add(deadLetters(member));
        topics.add(delivered(member));
        topics.add(checkpoints());
        return topics;
    }

    /** The consumer group of a member's nodes on its inbox: they share the inbox's partitions. */
    public static String inboxGroup(MemberId member) {
        return "spean-node-" + member.folderName();
    }

    /**
     * What begins the name of each of a member's other consumer groups: {@code spean-node-INSTANCE.CLASS.MEMBER.}. The
     * dot cannot occur in a member's parts, so no other member's group begins so (decision 0032: one prefixed ACL).
     */
    public static String groupPrefix(MemberId member) {
        return inboxGroup(member) + ".";
    }

    /**
     * A node's consumer group on its member's answers topic: one per node, so that each reads every answer and takes
     * those addressed to it (the {@code spean-reply-to} record header), whatever partition they are on.
     */
    public static String answersGroup(MemberId member, String node) {
        return groupPrefix(member) + "answers." + node;
    }

    /** A node's consumer group on the checkpoints topic: each node witnesses every checkpoint. */
    public static String witnessGroup(MemberId member, String node) {
        return groupPrefix(member) + "witness." + node;
    }

    /** Where nodes publish their message-log checkpoints for the other members to witness. */
    public static String checkpoints() {
        return "spean.checkpoints";
    }
}
