package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentiles_follow_the_nearest_rank_method_across_recorders() {
        Latencies.Recorder first = new Latencies.Recorder();
        Latencies.Recorder second = new Latencies.Recorder();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? first : second).record(ms * 1_000_000L);
        }

        Latencies latencies = Latencies.merge(List.of(first, second));

        assertEquals(100, latencies.count());
        assertEquals(50.0, latencies.percentileMillis(50));
        assertEquals(99.0, latencies.percentileMillis(99));
        assertEquals(1.0, latencies.percentileMillis(0.5));
        assertEquals(100.0, latencies.maxMillis());
    }

    @Test
    void an_empty_window_has_no_latency() {
        Latencies none = Latencies.merge(List.of(new Latencies.Recorder()));
        assertEquals(0, none.count());
        assertEquals(0.0, none.percentileMillis(99));
    }
}
