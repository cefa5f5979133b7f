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
 */
public final class ReceiptedMessages {

    private record Expiry(Instant at, EnvelopeId id) {
    }

    private final Map<EnvelopeId, Instant> receipted = new ConcurrentHashMap<>();
    private final Queue<Expiry> expiries = new ArrayDeque<>();

    /** Records a request as receipted until {@code forgettableAfter}. Call once the receipt is in the message log. */
    public void remember(EnvelopeId request, Instant forgettableAfter, Instant now) {
        synchronized (expiries) {
            while (!expiries.isEmpty() && expiries.peek().at().isBefore(now)) {
                Expiry expired = expiries.poll();
                receipted.remove(expired.id(), expired.at());
            }
            if (receipted.put(request, forgettableAfter) == null) {
                expiries.add(new Expiry(forgettableAfter, request));
            }
        }
    }

    public boolean contains(EnvelopeId request) {
        return receipted.containsKey(request);
    }

    public int size() {
        return receipted.size();
    }
}
