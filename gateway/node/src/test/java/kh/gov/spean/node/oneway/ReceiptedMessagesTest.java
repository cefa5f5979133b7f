package kh.gov.spean.node.oneway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import kh.gov.spean.id.EnvelopeId;

class ReceiptedMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void a_refused_request_is_remembered_as_refused_and_no_longer_as_uncertain() {
        ReceiptedMessages messages = new ReceiptedMessages();
        EnvelopeId request = EnvelopeId.random();
        messages.handedOver(request, NOW.plus(Duration.ofHours(1)), NOW);

        messages.refused(request, NOW.plus(Duration.ofHours(1)), NOW);

        assertTrue(messages.wasRefused(request));
        assertFalse(messages.contains(request), "refused is not receipted");
        assertFalse(messages.takeUncertain(request), "its outcome is known: it is not a redelivery");
    }

    @Test
    void a_refusal_is_forgotten_once_the_request_has_expired() {
        ReceiptedMessages messages = new ReceiptedMessages();
        EnvelopeId refused = EnvelopeId.random();
        messages.refused(refused, NOW.plusSeconds(10), NOW);

        messages.remember(EnvelopeId.random(), NOW.plus(Duration.ofHours(1)), NOW.plusSeconds(11));

        assertFalse(messages.wasRefused(refused));
    }

    @Test
    void another_request_is_not_refused() {
        ReceiptedMessages messages = new ReceiptedMessages();
        messages.refused(EnvelopeId.random(), NOW.plusSeconds(10), NOW);

        assertFalse(messages.wasRefused(EnvelopeId.random()));
    }
}
