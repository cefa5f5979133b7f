package kh.gov.spean.node.deadletter;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One record on a member's dead-letter topic: a verified message that can never be delivered, why, and the envelope
 * exactly as it travelled (ciphertext only), so that it can be sent again to {@code target} once the cause is fixed.
 *
 * @param kind     {@code one-way} (set aside by the client's node) or {@code event} (by a subscriber's node)
 * @param target   the topic a redrive publishes the envelope to
 * @param envelope base64 of the envelope's wire bytes
 */
@JsonbPropertyOrder({"id", "kind", "code", "detail", "service", "client", "sender", "recipient", "node",
        "deadLetteredAt", "expiresAt", "target", "envelope"})
public record DeadLetter(String id, String kind, String code, String detail, String service, String client,
                         String sender, String recipient, String node, Instant deadLetteredAt, Instant expiresAt,
                         String target, String envelope) {
}
