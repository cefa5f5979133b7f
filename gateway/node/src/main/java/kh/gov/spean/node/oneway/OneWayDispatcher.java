package kh.gov.spean.node.oneway;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.node.deadletter.DeadLetterKinds;
import kh.gov.spean.node.deadletter.DeadLetterOffice;
import kh.gov.spean.node.exchange.KafkaRecord;
import kh.gov.spean.node.kafka.RecordPublisher;
import kh.gov.spean.node.kafka.Topics;

/**
 * Publishes accepted one-way messages to their provider's inbox, and again with a doubling delay until the signed
 * receipt comes back, a permanent error does, or the envelope expires (then it is set aside as a dead letter). Every
 * attempt sends the same signed bytes, so the provider's node recognises a retry and its backend sees the message once.
 */
public final class OneWayDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OneWayDispatcher.class);
    private static final int MAXIMUM_BACKOFF_FACTOR = 60;

    private final OutgoingMessages messages;
    private final DeadLetterOffice deadLetters;
    private final X509Certificate signingCertificate;
    private final Duration retryDelay;
    private final String node;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spean-one-way");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<EnvelopeId, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private RecordPublisher publisher;

    public OneWayDispatcher(OutgoingMessages messages, DeadLetterOffice deadLetters, X509Certificate signingCertificate,
                            Duration retryDelay, String node, Clock clock) {
        this.messages = messages;
        this.deadLetters = deadLetters;
        this.signingCertificate = signingCertificate;
        this.retryDelay = retryDelay;
        this.node = node;
        this.clock = clock;
    }

    /** Starts publishing through the node's Kafka producer, resuming every message still awaiting a receipt. */
    public void start(RecordPublisher recordPublisher) {
        publisher = recordPublisher;
        for (OutgoingMessage message : messages.awaitingReceipt()) {
            schedule(message.id(), message.nextAttempt());
        }
    }

    /** Publishes a newly accepted message now. */
    public void dispatch(EnvelopeId id) {
        schedule(id, clock.instant());
    }

    /**
     * One pending attempt per message: scheduling another replaces it. The replacement is atomic per message, because
     * an attempt due now may already be running on the scheduler's thread and scheduling its successor before the
     * call that scheduled it has recorded it; a plain put would then cancel that successor, and the message would
     * never be sent again.
     */
    private void schedule(EnvelopeId id, Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        scheduled.compute(id, (key, previous) -> {
            if (previous != null) {
                previous.cancel(false); // a no-op for the attempt that is scheduling its own successor
            }
            return scheduler.schedule(() -> attempt(id), delay, TimeUnit.MILLISECONDS);
        });
    }

    private void attempt(EnvelopeId id) {
        OutgoingMessage message = messages.find(id).orElse(null);
        Instant now = clock.instant();
        if (message == null || message.state() != OutgoingMessage.State.ACCEPTED) {
            scheduled.remove(id);
            return; // receipted or failed meanwhile
        }
        try {
            if (!now.isBefore(message.expiresAt())) {
                scheduled.remove(id);
                OutgoingMessage failed = messages.update(id, m -> m.failed(ErrorCode.NOT_DELIVERED.code(),
                        "no receipt from " + m.service().member() + " after " + m.attempts()
                                + " attempt(s); the message expired at " + m.expiresAt()));
                deadLetters.deadLetter(DeadLetterKinds.ONE_WAY, EnvelopeCodec.decode(messages.envelope(id)),
                        signingCertificate, ErrorCode.NOT_DELIVERED, failed.errorDetail());
                return;
            }
            Instant next = now.plus(backoff(message.attempts()));
            OutgoingMessage attempted = messages.update(id,
                    m -> m.attempted(next.isAfter(m.expiresAt()) ? m.expiresAt() : next));
            schedule(id, attempted.nextAttempt());
            publish(attempted);
        } catch (RuntimeException e) {
            LOG.warn("one-way message {}: attempt {} failed ({}); the next follows as scheduled", id,
                    message.attempts() + 1, e.getMessage());
        }
    }

    private void publish(OutgoingMessage message) {
        publisher.publish(Topics.inbox(message.service().member()), message.id().toString(),
                messages.envelope(message.id()), Map.of(KafkaRecord.REPLY_TO, node), "one-way message " + message.id());
    }

    private Duration backoff(int attemptsSoFar) {
        long factor = Math.min(MAXIMUM_BACKOFF_FACTOR, 1L << Math.min(attemptsSoFar, 6));
        return retryDelay.multipliedBy(factor);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
