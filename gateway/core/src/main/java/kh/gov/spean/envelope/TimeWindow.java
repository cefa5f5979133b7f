package kh.gov.spean.envelope;

import java.time.Duration;
import java.time.Instant;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Accepts an envelope only inside its validity window: not expired, not issued in the future beyond the allowed clock
 * skew, and not living longer than the federation allows (so a sender cannot make its envelopes replayable forever).
 */
public record TimeWindow(Duration clockSkew, Duration maximumTimeToLive) {

    public void check(EnvelopeHeader header, Instant now) {
        if (header.issuedAt().isAfter(now.plus(clockSkew))) {
            throw new SpeanException(ErrorCode.EXPIRED, "the envelope was issued at " + header.issuedAt()
                    + ", in the future beyond the allowed clock skew of " + clockSkew);
        }
        if (!now.isBefore(header.expiresAt().plus(clockSkew))) {
            throw new SpeanException(ErrorCode.EXPIRED, "the envelope expired at " + header.expiresAt());
        }
        if (Duration.between(header.issuedAt(), header.expiresAt()).compareTo(maximumTimeToLive) > 0
                || header.expiresAt().isBefore(header.issuedAt())) {
            throw new SpeanException(ErrorCode.EXPIRED, "the envelope's lifetime exceeds the maximum of " + maximumTimeToLive);
        }
    }

    /** The instant after which an envelope with this header can no longer pass {@link #check}: replay memory may forget it. */
    public Instant forgettableAfter(EnvelopeHeader header) {
        return header.expiresAt().plus(clockSkew);
    }
}
