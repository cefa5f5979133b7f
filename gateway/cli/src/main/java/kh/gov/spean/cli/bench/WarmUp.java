package kh.gov.spean.cli.bench;

import java.time.Duration;

/**
 * How a path warms up before its measured window: {@code first}, then, if {@code atMost} is longer, a window as long as
 * the measured one (the cold figure) and windows of {@code step} after it, until the last window is steady or
 * {@code atMost} has passed since the clients started. Steady: the JIT compiler took under 5% of the CPU in it, and its
 * rate is within 5% of the window's before. On two cores the compiler needs minutes to catch up with a broker, two
 * nodes and a register (docs/performance.md), and the rate climbs until it has.
 */
record WarmUp(Duration first, Duration atMost, Duration step) {

    static final double JIT_SHARE_BELOW = 0.05;
    static final double RATE_CHANGE_BELOW = 0.05;

    /** A warm-up of a fixed length, with no cold window and no looking for a steady rate. */
    static WarmUp fixed(Duration length) {
        return new WarmUp(length, length, length);
    }

    /** Whether the path looks for a steady rate (and measures a cold window first). */
    boolean settles() {
        return atMost.compareTo(first) > 0;
    }

    /**
     * Whether a window is steady: the compiler's share of the process's CPU in it under {@link #JIT_SHARE_BELOW}, and
     * its rate within {@link #RATE_CHANGE_BELOW} of the window's before.
     */
    static boolean steady(double previousPerSecond, double perSecond, double jitShare) {
        return jitShare < JIT_SHARE_BELOW && previousPerSecond > 0
                && Math.abs(perSecond / previousPerSecond - 1) < RATE_CHANGE_BELOW;
    }
}
