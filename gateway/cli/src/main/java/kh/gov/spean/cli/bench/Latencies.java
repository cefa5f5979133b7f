package kh.gov.spean.cli.bench;

import java.util.Arrays;
import java.util.List;

/** Latencies of the exchanges in a measured window, in nanoseconds, sorted: percentiles by the nearest-rank method. */
final class Latencies {

    /** One client thread's latencies, kept without locking. */
    static final class Recorder {
        private long[] values = new long[1024];
        private int size;

        void record(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }
    }

    private final long[] sorted;

    Latencies(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    static Latencies merge(List<Recorder> recorders) {
        long[] all = new long[recorders.stream().mapToInt(recorder -> recorder.size).sum()];
        int at = 0;
        for (Recorder recorder : recorders) {
            System.arraycopy(recorder.values, 0, all, at, recorder.size);
            at += recorder.size;
        }
        return new Latencies(all);
    }

    long count() {
        return sorted.length;
    }

    /** The smallest latency at or above which {@code percent}% of the exchanges fall (nearest rank), in ms. */
    double percentileMillis(double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }
}
