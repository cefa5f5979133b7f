package kh.gov.spean.envelope;

import java.time.Instant;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.EnvelopeId;

/**
 * Rejects an envelope id seen before. Ids are remembered only until their envelope could no longer pass the
 * {@link TimeWindow}, which bounds the memory: anything older is refused as expired anyway.
 */
public final class ReplayGuard {

    private record Expiry(Instant at, EnvelopeId id) {
    }

    private final TimeWindow window;
    private final Map<EnvelopeId, Instant> seen = new ConcurrentHashMap<>();
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

    public ReplayGuard(TimeWindow window) {
        this.window = window;
    }

    /** Records the envelope as seen; throws REPLAYED if it was seen before. Call only after the signature verified. */
    public void admit(EnvelopeHeader header, Instant now) {
        forgetExpired(now);
        Instant forgettable = window.forgettableAfter(header);
        if (seen.putIfAbsent(header.id(), forgettable) != null) {
            throw new SpeanException(ErrorCode.REPLAYED, "envelope " + header.id() + " was already received");
        }
        synchronized (expiries) {
            expiries.add(new Expiry(forgettable, header.id()));
        }
    }

    /** Remembers an envelope received before a restart (from the message log), so a replay of it is still refused. */
    public void remember(EnvelopeHeader header, Instant now) {
        remember(header.id(), window.forgettableAfter(header), now);
    }

    /**
     * Remembers an envelope another node of this member received (its id and when it can be forgotten, from that node's
     * signed word), so that a copy of it reaching this node is refused too.
     */
    public void remember(EnvelopeId id, Instant forgettable, Instant now) {
        forgetExpired(now);
        if (forgettable.isAfter(now) && seen.putIfAbsent(id, forgettable) == null) {
            synchronized (expiries) {
                expiries.add(new Expiry(forgettable, id));
            }
        }
    }

    public int remembered() {
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        synchronized (expiries) {
            while (!expiries.isEmpty() && expiries.peek().at().isBefore(now)) {
                seen.remove(expiries.poll().id());
            }
        }
    }
}
