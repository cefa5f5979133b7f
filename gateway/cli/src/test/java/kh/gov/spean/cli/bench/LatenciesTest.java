package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentiles_come_from_every_interval_added_within_three_significant_digits() {
        Histogram first = Latencies.newHistogram();
        Histogram second = Latencies.newHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            (ms % 2 == 0 ? first : second).recordValue(ms * 1_000_000L);
        }
        Latencies latencies = Latencies.empty();

        latencies.add(first);
        latencies.add(second);

        assertEquals(1000, latencies.count());
        assertEquals(500.0, latencies.percentileMillis(50), 0.5);
        assertEquals(990.0, latencies.percentileMillis(99), 1.0);
        assertEquals(999.0, latencies.percentileMillis(99.9), 1.0);
        assertEquals(1000.0, latencies.maxMillis(), 1.0);
    }

    @Test
    void a_latency_far_beyond_the_usual_is_kept_not_refused() {
        Latencies latencies = Latencies.empty();
        Histogram interval = Latencies.newHistogram();
        interval.recordValue(2_000_000L);
        interval.recordValue(600_000_000_000L); // ten minutes

        latencies.add(interval);

        assertEquals(600_000.0, latencies.maxMillis(), 600.0);
    }

    @Test
    void an_empty_window_has_no_latency() {
        Latencies none = Latencies.empty();
        assertEquals(0, none.count());
        assertEquals(0.0, none.percentileMillis(99));
        assertEquals(0.0, none.maxMillis());
    }
}
