package kh.gov.spean.node.routes;

import java.time.Duration;

/**
 * How often, and how soon, a step that failed transiently (in {@link kh.gov.spean.node.ErrorClassifier}'s sense) is
 * tried again in place before its failure is handled: a bounded number of retries, the delay doubling from the first
 * up to a ceiling. Set here once for every route that redelivers.
 *
 * @param retries    attempts after the first (so {@code retries + 1} in all)
 * @param firstDelay the wait before the first retry
 * @param maxDelay   the longest wait between two attempts
 */
public record Redelivery(int retries, Duration firstDelay, Duration maxDelay) {

    /**
     * An event copy: 3 retries after 0.5, 1 and 2 s, so a backend restarting or shedding load for a few seconds gets
     * the copy, while a Kafka consumer blocked on one copy (3.5 s at most) stays far inside its poll interval.
     */
    public static final Redelivery EVENT_COPIES = new Redelivery(3, Duration.ofMillis(500), Duration.ofSeconds(2));

    public Redelivery {
        if (retries < 0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retries must be >= 0 and 0 <= firstDelay <= maxDelay");
        }
    }
}
