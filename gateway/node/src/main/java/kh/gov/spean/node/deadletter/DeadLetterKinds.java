package kh.gov.spean.node.deadletter;

/** What a dead letter was, in its record's {@code kind}. */
public final class DeadLetterKinds {

    /** A one-way message its client's node could not deliver. */
    public static final String ONE_WAY = "one-way";
    /** An event copy its subscriber's backend would not take. */
    public static final String EVENT = "event";

    private DeadLetterKinds() {
    }
}
