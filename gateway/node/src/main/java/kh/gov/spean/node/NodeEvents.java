package kh.gov.spean.node;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;

/**
 * What a node reports as it works — each refusal with its code, each hand-off to a backend, each checkpoint of another
 * log it witnessed — for listeners such as the demo and the metrics.
 */
public final class NodeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(NodeEvents.class);

    /** A refused message: which envelope (when known), why, and at which step. */
    public record Rejection(Instant at, MemberId node, EnvelopeId envelopeId, ErrorCode code, String detail, String step) {
    }

    /** A request handed to the provider's backend. */
    public record Delivery(Instant at, MemberId node, EnvelopeId envelopeId, String route) {
    }

    /** What became of a checkpoint of another log this node witnessed: its origin, size and outcome. */
    public record Witnessed(String origin, long size, WitnessOutcome outcome) {
    }

    /** The outcomes of witnessing a checkpoint. */
    public enum WitnessOutcome {
        /** Extends the last one seen (or is the first seen): it is now the last one seen. */
        ACCEPTED,
        /** Extends it, but the publication carries no proof from it (checkpoints were missed): taken unchecked. */
        UNCHECKED,
        /** One already seen, published again: ignored. */
        REPLAYED,
        /** Older than the last one seen, and no longer among those kept: ignored. */
        STALE,
        /** Not signed by its member's registered, unrevoked signing certificate, or unreadable: ignored. */
        REFUSED,
        /** Does not extend what was seen: an alarm. */
        INCONSISTENT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MemberId node;
    private final List<Consumer<Rejection>> rejectionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Delivery>> deliveryListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> alarmListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Witnessed>> witnessListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong alarms = new AtomicLong();

    public NodeEvents(MemberId node) {
        this.node = node;
    }

    public void onRejection(Consumer<Rejection> listener) {
        rejectionListeners.add(listener);
    }

    public void onDelivery(Consumer<Delivery> listener) {
        deliveryListeners.add(listener);
    }

    public void rejected(EnvelopeId envelopeId, ErrorCode code, String detail, String step) {
        Rejection rejection = new Rejection(Instant.now(), node, envelopeId, code, detail, step);
        LOG.warn("{} refused {} at {}: {} ({})", node, envelopeId == null ? "a message" : "envelope " + envelopeId,
                step, code, detail);
        rejectionListeners.forEach(listener -> listener.accept(rejection));
    }

    /** A witnessed checkpoint of another log that does not extend what was seen before. */
    public void alarm(String origin, String problem) {
        alarms.incrementAndGet();
        alarmListeners.forEach(listener -> listener.accept(origin + ": " + problem));
    }

    public void onAlarm(Consumer<String> listener) {
        alarmListeners.add(listener);
    }

    /** How many checkpoint alarms this node raised. */
    public long alarms() {
        return alarms.get();
    }

    public void witnessed(String origin, long size, WitnessOutcome outcome) {
        Witnessed witnessed = new Witnessed(origin, size, outcome);
        witnessListeners.forEach(listener -> listener.accept(witnessed));
    }

    public void onWitnessed(Consumer<Witnessed> listener) {
        witnessListeners.add(listener);
    }

    public void delivered(EnvelopeId envelopeId, String route) {
        Delivery delivery = new Delivery(Instant.now(), node, envelopeId, route);
        deliveryListeners.forEach(listener -> listener.accept(delivery));
    }
}
