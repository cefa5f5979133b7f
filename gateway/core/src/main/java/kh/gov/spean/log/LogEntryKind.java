package kh.gov.spean.log;

import java.util.Locale;

/** What a message-log entry records. */
public enum LogEntryKind {
    /** An envelope this node signed and is about to publish. */
    SENT,
    /** An envelope this node received and verified. */
    RECEIVED,
    /** A verified request handed to this member's backend. */
    DELIVERED,
    /** A message refused, with its error code. */
    REJECTED,
    /** A verified message that can never be delivered, with its reason, put on the member's dead-letter topic. */
    DEAD_LETTERED,
    /** A witnessed checkpoint of another node that does not extend the last one seen. */
    ALARM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
