package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void a_relay_that_costs_as_much_as_the_crypto_caps_secure_at_half_the_floor() {
        // 2 cores, 1,000 floor exchanges per second: 2 ms of crypto each; with 2 ms of relay, 500 per second at most.
        assertEquals(0.5, BenchReport.secureVsFloorAtMost(1000, 2, 2.0), 1e-9);
    }

    @Test
    void the_dearer_the_relay_the_lower_the_cap() {
        // This evening's warm run: floor 1,412 per second on 2 cores (1.42 ms), plain relay 1.81 ms without JIT and GC.
        assertEquals(0.44, BenchReport.secureVsFloorAtMost(1412.35, 2, 1.81), 0.005);
        assertEquals(1.0, BenchReport.secureVsFloorAtMost(1412.35, 2, 0), 1e-9);
    }
}
