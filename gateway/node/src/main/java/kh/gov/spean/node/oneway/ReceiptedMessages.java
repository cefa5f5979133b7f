package kh.gov.spean.node.oneway;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import kh.gov.spean.id.EnvelopeId;

/**
 * The one-way requests this provider node has sent a receipt for, until they expire: a retry of one of them is answered
 * with a new receipt and never reaches the backend again. Rebuilt at start-up from the receipts in the message log.
 * A request past its expiry needs no memory: the time window refuses it anyway.
 *
 * <p>Also rebuilt from the log: requests handed to the backend with no receipt after them — the node stopped while the
 * backend had them. Whether the backend kept one cannot be known here; it is handed over again, marked as a
 * redelivery, with the same {@code X-Road-Id} for the backend to recognise.
 */
public final class ReceiptedMessages {

    private record Expiry(Instant at, EnvelopeId id) {
    }

    private final Map<EnvelopeId, Instant> receipted = new ConcurrentHashMap<>();
    private final Set<EnvelopeId> uncertain = ConcurrentHashMap.newKeySet();
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

    /** Notes a request handed to the backend before a restart, with no receipt logged after it. */
    public void deliveredWithoutReceipt(EnvelopeId request) {
        uncertain.add(request);
    }

    /** True, once, for a request whose earlier delivery's outcome is unknown. */
    public boolean takeUncertain(EnvelopeId request) {
        return uncertain.remove(request);
    }

    public boolean contains(EnvelopeId request) {
        return receipted.containsKey(request);
    }

    public int size() {
        return receipted.size();
    }
}
