package kh.gov.spean.node.oneway;

import java.time.Instant;

import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;

/**
 * A one-way message this node accepted from a local client, and where it stands. What {@code GET /messages/{id}}
 * answers, and what a restarted node resumes from.
 *
 * @param requestHash the SHA-512 of the envelope's signed header, which the receipt must carry
 * @param attempts    how many times the envelope was published to the provider's inbox
 * @param nextAttempt when it is published again if no receipt has come back by then
 * @param receiptId   the provider's signed receipt, once delivered
 * @param errorCode   the last coded failure: the reason it failed, or (while accepted) why the last attempt did not pass
 */
public record OutgoingMessage(EnvelopeId id, SubsystemId client, ServiceId service, String requestHash, State state,
                              Instant acceptedAt,
                              Instant expiresAt, int attempts, Instant nextAttempt, EnvelopeId receiptId,
                              Instant deliveredAt, String errorCode, String errorDetail) {

    /** A one-way message's states: accepted until a receipt (delivered) or a permanent error or expiry (failed). */
    public enum State {
        ACCEPTED, DELIVERED, FAILED
    }

    static OutgoingMessage accepted(EnvelopeId id, SubsystemId client, ServiceId service, String requestHash, Instant now,
                                    Instant expiresAt) {
        return new OutgoingMessage(id, client, service, requestHash, State.ACCEPTED, now, expiresAt, 0, now, null, null, null, null);
    }

    OutgoingMessage attempted(Instant nextAttempt) {
        return new OutgoingMessage(id, client, service, requestHash, state, acceptedAt, expiresAt, attempts + 1, nextAttempt,
                receiptId, deliveredAt, errorCode, errorDetail);
    }

    OutgoingMessage delivered(EnvelopeId receipt, Instant at) {
        return new OutgoingMessage(id, client, service, requestHash, State.DELIVERED, acceptedAt, expiresAt, attempts, null,
                receipt, at, null, null);
    }

    OutgoingMessage failedAttempt(String code, String detail) {
        return new OutgoingMessage(id, client, service, requestHash, state, acceptedAt, expiresAt, attempts, nextAttempt,
                receiptId, deliveredAt, code, detail);
    }

    OutgoingMessage failed(String code, String detail) {
        return new OutgoingMessage(id, client, service, requestHash, State.FAILED, acceptedAt, expiresAt, attempts, null,
                receiptId, deliveredAt, code, detail);
    }
}
