package kh.gov.spean.node.oneway;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

import kh.gov.spean.id.EnvelopeId;

/**
 * The one-way requests this provider node has sent a receipt for, until they expire: a retry of one of them is answered
 * with a new receipt and never reaches the backend again. Rebuilt at start-up from the receipts in the message log.
 * A request past its expiry needs no memory: the time window refuses it anyway.
 *
 * <p>Also kept: requests handed to the backend with no receipt after them — the backend timed out, the connection
 * broke, or the node stopped while the backend had them (rebuilt from the log then). Whether the backend kept one
 * cannot be known here; when it comes again it is handed over again, marked as a redelivery, with the same
 * {@code X-Road-Id} for the backend to recognise.
 */
public final class ReceiptedMessages {

    private record Expiry(Instant at, EnvelopeId id) {
    }

    private final Map<EnvelopeId, Instant> receipted = new ConcurrentHashMap<>();
    private final Map<EnvelopeId, Instant> uncertain = new ConcurrentHashMap<>();
    private final Queue<Expiry> expiries = new ArrayDeque<>();

    /** Records a request as receipted until {@code forgettableAfter}. Call once the receipt is in the message log. */
    public void remember(EnvelopeId request, Instant forgettableAfter, Instant now) {
        uncertain.remove(request);
        remember(receipted, request, forgettableAfter, now);
    }

    /** Notes a request handed to the backend: until its receipt is remembered, the outcome is unknown. */
    public void handedOver(EnvelopeId request, Instant forgettableAfter, Instant now) {
        remember(uncertain, request, forgettableAfter, now);
    }

    /** True, once, for a request handed to the backend before without a receipt after it. */
    public boolean takeUncertain(EnvelopeId request) {
        return uncertain.remove(request) != null;
    }

    public boolean contains(EnvelopeId request) {
        return receipted.containsKey(request);
    }

    public int size() {
        return receipted.size();
    }

    private void remember(Map<EnvelopeId, Instant> memory, EnvelopeId request, Instant forgettableAfter, Instant now) {
        synchronized (expiries) {
            while (!expiries.isEmpty() && expiries.peek().at().isBefore(now)) {
                Expiry expired = expiries.poll();
                receipted.remove(expired.id(), expired.at());
                uncertain.remove(expired.id(), expired.at());
            }
            if (memory.put(request, forgettableAfter) == null) {
                expiries.add(new Expiry(forgettableAfter, request));
            }
        }
    }
}
