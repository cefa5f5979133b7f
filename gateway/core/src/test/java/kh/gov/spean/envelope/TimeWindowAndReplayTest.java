package kh.gov.spean.envelope;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaId;

class TimeWindowAndReplayTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(Duration.ofSeconds(60), Duration.ofMinutes(5));

    @Test
    void accepts_an_envelope_inside_its_window() {
        assertDoesNotThrow(() -> WINDOW.check(header(NOW.minusSeconds(10), NOW.plusSeconds(290)), NOW));
    }

    @Test
    void rejects_an_expired_envelope() {
        EnvelopeTest.assertCode(ErrorCode.EXPIRED,
                () -> WINDOW.check(header(NOW.minusSeconds(600), NOW.minusSeconds(300)), NOW));
    }

    @Test
    void rejects_an_envelope_issued_in_the_future_beyond_the_clock_skew() {
        EnvelopeTest.assertCode(ErrorCode.EXPIRED,
                () -> WINDOW.check(header(NOW.plusSeconds(120), NOW.plusSeconds(300)), NOW));
    }

    @Test
    void rejects_an_envelope_that_claims_to_live_longer_than_allowed() {
        EnvelopeTest.assertCode(ErrorCode.EXPIRED,
                () -> WINDOW.check(header(NOW.minusSeconds(1), NOW.plus(Duration.ofDays(365))), NOW));
    }

    @Test
    void rejects_an_envelope_id_seen_before() {
        ReplayGuard guard = new ReplayGuard(WINDOW);
        EnvelopeHeader header = header(NOW, NOW.plusSeconds(300));
        guard.admit(header, NOW);
        EnvelopeTest.assertCode(ErrorCode.REPLAYED, () -> guard.admit(header, NOW.plusSeconds(1)));
    }

    @Test
    void forgets_ids_once_their_envelopes_could_only_be_refused_as_expired() {
        ReplayGuard guard = new ReplayGuard(WINDOW);
        guard.admit(header(NOW, NOW.plusSeconds(300)), NOW);
        guard.admit(header(NOW, NOW.plusSeconds(300)), NOW.plusSeconds(1000));
        assertEquals(1, guard.remembered());
    }

    static EnvelopeHeader header(Instant issuedAt, Instant expiresAt) {
        EnvelopeId id = EnvelopeId.random();
        return new EnvelopeHeader(EnvelopeHeader.CURRENT_VERSION, id, id, EnvelopeType.REQUEST,
                MemberId.parse("KH/GOV/MEF"), MemberId.parse("KH/GOV/MOI"),
                SubsystemId.parse("KH/GOV/MEF/BUSINESS-REGISTRY"), ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen"),
                issuedAt, expiresAt, SchemaId.parse("moi.verifyCitizen.request/v1"), "00", "c29tZQ==", "c29tZQ==",
                null, null, null);
    }
}
