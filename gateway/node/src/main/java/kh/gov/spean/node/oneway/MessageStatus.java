package kh.gov.spean.node.oneway;

import java.time.Instant;
import java.util.Locale;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The JSON a client reads at {@code GET /messages/{id}}: {@code accepted} (attempts so far, the last transient error),
 * {@code delivered} (the receipt's id and time) or {@code failed} (the code and why).
 */
@JsonbPropertyOrder({"id", "state", "client", "service", "requestHash", "acceptedAt", "attempts", "receipt", "error"})
public record MessageStatus(String id, String state, String client, String service, String requestHash,
                            Instant acceptedAt, int attempts, Receipt receipt, Error error) {

    /** The provider's signed receipt. */
    public record Receipt(String id, Instant receivedAt) {
    }

    /** The failure, or the last attempt's. */
    public record Error(String code, String detail) {
    }

    static MessageStatus of(OutgoingMessage message) {
        return new MessageStatus(message.id().toString(), message.state().name().toLowerCase(Locale.ROOT),
                message.client().toString(), message.service().toString(), message.requestHash(),
                message.acceptedAt(), message.attempts(),
                message.receiptId() == null ? null : new Receipt(message.receiptId().toString(), message.deliveredAt()),
                message.errorCode() == null ? null : new Error(message.errorCode(), message.errorDetail()));
    }
}
