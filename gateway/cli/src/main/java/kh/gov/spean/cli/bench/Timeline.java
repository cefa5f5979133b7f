package kh.gov.spean.cli.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * A path's exchanges second by second, from its first client's start to the end of its measured window: how many ended
 * in each interval and their p50, p99 and p99.9 latency. What {@code spean bench --plot} draws.
 */
final class Timeline {

    /** One interval: its end in seconds from the path's start, exchanges per second in it, and its percentiles in ms. */
    record Point(double atSeconds, double perSecond, double p50Millis, double p99Millis, double p999Millis) {
    }

    private final List<Point> points = new ArrayList<>();
    private double measuredFromSeconds = Double.NaN;

    /** Adds the interval that ended {@code atSeconds} after the start and lasted {@code seconds}. */
    void add(double atSeconds, double seconds, Histogram interval) {
        boolean any = interval.getTotalCount() > 0;
        points.add(new Point(atSeconds, interval.getTotalCount() / seconds,
                any ? interval.getValueAtPercentile(50) / 1e6 : 0,
                any ? interval.getValueAtPercentile(99) / 1e6 : 0,
                any ? interval.getValueAtPercentile(99.9) / 1e6 : 0));
    }

    /** Notes when the measured window began, in seconds from the path's start. */
    void measuredFrom(double atSeconds) {
        measuredFromSeconds = atSeconds;
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    /** When the measured window began, in seconds from the path's start; NaN if it has not. */
    double measuredFromSeconds() {
        return measuredFromSeconds;
    }
}
