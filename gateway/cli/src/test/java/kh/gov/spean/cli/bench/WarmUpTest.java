package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void a_window_is_steady_once_the_compiler_is_quiet_and_the_rate_holds() {
        assertTrue(WarmUp.steady(200, 204, 0.02));
        assertTrue(WarmUp.steady(200, 191, 0.049));
    }

    @Test
    void a_window_whose_rate_still_climbs_is_not_steady_however_quiet_the_compiler() {
        assertFalse(WarmUp.steady(200, 215, 0.01));
        assertFalse(WarmUp.steady(200, 180, 0.01));
    }

    @Test
    void a_window_where_the_compiler_still_takes_its_share_is_not_steady_however_flat_the_rate() {
        assertFalse(WarmUp.steady(200, 200, 0.05));
        assertFalse(WarmUp.steady(200, 200, 0.30));
    }

    @Test
    void a_window_after_one_with_no_exchange_is_not_steady() {
        assertFalse(WarmUp.steady(0, 0, 0));
    }

    @Test
    void a_fixed_warm_up_does_not_look_for_a_steady_rate() {
        assertFalse(WarmUp.fixed(Duration.ofSeconds(20)).settles());
        assertTrue(new WarmUp(Duration.ofSeconds(20), Duration.ofSeconds(360), Duration.ofSeconds(10)).settles());
    }
}
