package kh.gov.spean.node.kafka;

import kh.gov.spean.id.MemberId;

/** Kafka topic names, in one place. */
public final class Topics {

    private Topics() {
    }

    /** A member's inbox: every envelope addressed to it. {@code spean.inbox.INSTANCE.CLASS.MEMBER}. */
    public static String inbox(MemberId member) {
        return "spean.inbox." + member.topicSuffix();
    }

    /** Where nodes publish their message-log checkpoints for the other members to witness. */
    public static String checkpoints() {
        return "spean.checkpoints";
    }
}
