package kh.gov.spean.node.kafka;

import java.util.List;

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

    /** The consumer group of a member's nodes on its inbox: they share the inbox's partitions. */
    public static String inboxGroup(MemberId member) {
        return "spean-node-" + member.folderName();
    }

    /**
     * A node's consumer group on its member's answers topic: one per node, so that each reads every answer and takes
     * those addressed to it (the {@code spean-reply-to} record header), whatever partition they are on.
     */
    public static String answersGroup(MemberId member, String node) {
        return "spean-answers-" + member.folderName() + "-" + node;
    }

    /** Where nodes publish their message-log checkpoints for the other members to witness. */
    public static String checkpoints() {
        return "spean.checkpoints";
    }
}
