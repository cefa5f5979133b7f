package kh.gov.spean.cli.bench;

import org.HdrHistogram.Histogram;

/**
 * Latencies of the exchanges in a measured window, in nanoseconds, held in an HdrHistogram (three significant digits,
 * any range): percentiles as HdrHistogram gives them, the value at or below which that share of the exchanges fall.
 */
final class Latencies {

    /** Three significant digits: a 100 ms latency is known to 0.1 ms. */
    static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram;

    private Latencies(Histogram histogram) {
        this.histogram = histogram;
    }

    /** A window with no exchange yet, to which intervals are added. */
    static Latencies empty() {
        return new Latencies(newHistogram());
    }

    /** A histogram of latencies as every recorder of the bench keeps them. */
    static Histogram newHistogram() {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        return histogram;
    }

    /** Adds an interval's latencies to this window's. */
    void add(Histogram interval) {
        histogram.add(interval);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The latency at or below which {@code percent}% of the exchanges fall, in ms; 0 for a window without any. */
    double percentileMillis(double percent) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percent) / 1e6;
    }

    double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1e6;
    }
}
