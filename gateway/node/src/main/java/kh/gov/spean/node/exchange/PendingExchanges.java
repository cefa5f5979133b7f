package kh.gov.spean.node.exchange;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.EnvelopeId;

/**
 * Requests this node sent and still waits for, by envelope id. No thread waits: each is a future completed by the
 * inbox when the answer arrives, or by the timer when it does not (a coded timeout, never a hang).
 */
public final class PendingExchanges {

    /** One request in flight: what the answer must be bound to, and where it goes. */
    public record Pending(Envelope request, String requestHash, CompletableFuture<ProviderAnswer> answer) {
    }

    private final Map<EnvelopeId, Pending> pending = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spean-request-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    public PendingExchanges(Duration timeout) {
        this.timeout = timeout;
    }

    /** Registers a request before it is published, so that even an instant answer finds it waiting. */
    public Pending register(Envelope request) {
        EnvelopeId id = request.header().id();
        CompletableFuture<ProviderAnswer> answer = new CompletableFuture<>();
        Pending entry = new Pending(request, RequestHash.of(request), answer);
        pending.put(id, entry);
        // Removed before the caller is told: once it has seen its timeout, a late answer no longer finds the request.
        ScheduledFuture<?> expiry = timer.schedule(() -> {
            pending.remove(id);
            answer.completeExceptionally(new SpeanException(ErrorCode.TIMEOUT, "no answer from "
                    + request.header().service().member() + " within " + timeout.toMillis() + " ms"));
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((ignored, failure) -> {
            pending.remove(id);
            expiry.cancel(false);
        });
        return entry;
    }

    /** The request an answer correlates to, if it is still waiting. */
    public Optional<Pending> find(EnvelopeId requestId) {
        return Optional.ofNullable(pending.get(requestId));
    }

    /** Stops the timer: calls still waiting get no timeout from it any more (the node is stopping). */
    public void close() {
        timer.shutdownNow();
    }

    /** Gives up on a request that could not be published. */
    public void abandon(EnvelopeId requestId, SpeanException reason) {
        Pending entry = pending.remove(requestId);
        if (entry != null) {
            entry.answer().completeExceptionally(reason);
        }
    }
}
