package kh.gov.spean.node.delivery;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.ReplayGuard;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.RecordPublisher;
import kh.gov.spean.node.kafka.Topics;

/**
 * The memory of delivered requests that a member's nodes share (decision 0034). Before handing a request to the
 * backend a node writes a signed claim on the member's one-partition {@code spean.delivered} topic, reads the topic up
 * to its own claim, and goes on only if its claim is the first for that envelope: the topic's order decides between two
 * nodes holding copies of one request at once. Every node reads every claim into its {@link ReplayGuard}, so a copy
 * that reaches it later — re-published after a rebalance — is refused as a replay before it is even opened. A claim
 * counts only when signed by this member's registered, unrevoked signing certificate: whoever can write the topic can
 * make no node refuse a genuine request. A claim read back byte for byte as this node wrote it is its own: its
 * certificate is checked as any other's, its signature, made here moments before, is not verified again.
 */
public final class DeliveredEnvelopes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveredEnvelopes.class);
    /** How long a node waits to read its own claim back before calling Kafka unavailable. */
    private static final Duration CONFIRM_DEADLINE = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    /** The first claim read for an envelope: the node that won it, where, and until when it matters. */
    private record FirstClaim(String node, long offset, Instant forgettableAfter) {
    }

    /** When a first claim may be forgotten, in the order the follower forgets them. */
    private record Expiry(Instant at, EnvelopeId envelopeId, FirstClaim first) {
    }

    private final MemberId member;
    private final String nodeName;
    private final Federation federation;
    private final DetachedSigner signer;
    private final DetachedSignatureVerifier signatures;
    private final ReplayGuard guard;
    private final TimeWindow window;
    private final Clock clock;
    private final TopicPartition partition;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<EnvelopeId, FirstClaim> firstClaims = new ConcurrentHashMap<>();
    /** The first claims, soonest forgettable first; read and changed by the thread that takes claims in only. */
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>(Comparator.comparing(Expiry::at));
    /** The records of this node's claims not yet read back, by envelope: recognised by their bytes when they are. */
    private final Map<EnvelopeId, byte[]> ownPending = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    /** The offset of the next claim to read: every claim before it has been taken in. Guarded by {@code progress}. */
    private long readUpTo = -1;
    private volatile boolean running;
    private Thread reader;
    private RecordPublisher publisher;

    public DeliveredEnvelopes(KafkaSettings kafka, MemberId member, String nodeName, Federation federation,
                              DetachedSigner signer, X509Certificate trustAnchor, ReplayGuard guard, TimeWindow window,
                              Clock clock) {
        this.member = member;
        this.nodeName = nodeName;
        this.federation = federation;
        this.signer = signer;
        this.signatures = new DetachedSignatureVerifier(trustAnchor);
        this.guard = guard;
        this.window = window;
        this.clock = clock;
        this.partition = new TopicPartition(Topics.delivered(member), 0);
        Properties properties = kafka.consumerProperties("unused");
        // No group: every node reads the whole topic, and nothing of it is committed.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(properties);
    }

    /**
     * Reads the claims that can still matter — those written within {@code lookBack}, the longest life an envelope may
     * claim — before the node takes any request, then follows the topic; claims are written through {@code publisher}.
     */
    public void start(RecordPublisher publisher, Duration lookBack) {
        this.publisher = publisher;
        consumer.assign(List.of(partition));
        long since = clock.instant().minus(lookBack).toEpochMilli();
        OffsetAndTimestamp from = consumer.offsetsForTimes(Map.of(partition, since)).get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        consumer.seek(partition, from == null ? end : from.offset());
        Instant deadline = clock.instant().plus(CATCH_UP_DEADLINE);
        while (consumer.position(partition) < end) {
            if (clock.instant().isAfter(deadline)) {
                throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "could not read " + partition.topic()
                        + " up to offset " + end + " within " + CATCH_UP_DEADLINE.toSeconds() + " s");
            }
            consumer.poll(POLL).forEach(this::take);
        }
        synchronized (progress) {
            readUpTo = consumer.position(partition);
        }
        running = true;
        reader = new Thread(this::follow, "spean-delivered-" + member.folderName());
        reader.setDaemon(true);
        reader.start();
        LOG.info("node {} remembers {} request(s) its member's nodes delivered", member, firstClaims.size());
    }

    /**
     * Claims a request for this node before it goes to the backend; throws REPLAYED when another node of this member
     * claimed it first, TRANSPORT_UNAVAILABLE when the claim cannot be written or read back in time.
     */
    public void claim(EnvelopeHeader request) {
        DeliveryClaim claim = new DeliveryClaim(request.id(), nodeName, window.forgettableAfter(request));
        byte[] record = claim.record(signer.sign(claim.text()));
        RecordMetadata written;
        ownPending.put(request.id(), record);
        try {
            written = publisher.publishAt(partition.topic(), request.id().toString(), record,
                    "the delivery claim of " + request.id());
            awaitRead(written.offset());
        } finally {
            ownPending.remove(request.id(), record);
        }
        FirstClaim first = firstClaims.get(request.id());
        if (first == null) {
            throw new SpeanException(ErrorCode.INTERNAL, "this node's own claim of " + request.id()
                    + " did not verify: is its signing certificate still registered?");
        }
        if (first.offset() != written.offset()) {
            throw new SpeanException(ErrorCode.REPLAYED, "envelope " + request.id() + " was already handed to the backend"
                    + " by node " + first.node() + " of " + member);
        }
    }

    @Override
    public void close() {
        running = false;
        if (reader == null) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        try {
            while (running) {
                try {
                    consumer.poll(POLL).forEach(this::take);
                    synchronized (progress) {
                        readUpTo = consumer.position(partition);
                        progress.notifyAll();
                    }
                    forgetExpired();
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    // A broker away is the usual cause: claims wait meanwhile, and fail with their own deadline.
                    LOG.warn("node {} cannot read {}: {}", member, partition.topic(), e.getMessage());
                    LockSupport.parkNanos(RETRY_AFTER_FAILURE.toNanos());
                }
            }
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> record) {
        Instant now = clock.instant();
        DeliveryClaim.Signed signed;
        try {
            signed = DeliveryClaim.parse(record.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("node {} ignores record {} of {}: {}", member, record.offset(), partition.topic(), e.getMessage());
            return;
        }
        DeliveryClaim claim = signed.claim();
        if (!claim.forgettableAfter().isAfter(now)) {
            return; // its envelope is refused as expired anyway: no need to check the signature
        }
        byte[] own = ownPending.get(claim.envelopeId());
        String untrusted = own != null && Arrays.equals(own, record.value()) ? ownCertificateProblem(now)
                : signerProblem(signed, now);
        if (untrusted != null) {
            LOG.warn("node {} ignores the claim of {} at offset {}: {}", member, claim.envelopeId(), record.offset(),
                    untrusted);
            return;
        }
        guard.remember(claim.envelopeId(), claim.forgettableAfter(), now);
        FirstClaim first = new FirstClaim(claim.node(), record.offset(), claim.forgettableAfter());
        if (firstClaims.putIfAbsent(claim.envelopeId(), first) == null) {
            expiries.add(new Expiry(first.forgettableAfter(), claim.envelopeId(), first));
        }
    }

    /** Why the claim does not count as this member's word, or null when it does. */
    private String signerProblem(DeliveryClaim.Signed signed, Instant now) {
        X509Certificate signer;
        try {
            signer = signatures.verify(signed.text(), signed.signature(), now);
        } catch (SpeanException e) {
            return e.getMessage();
        }
        return certificateProblem(signer);
    }

    /** Why this node's own claims do not count as this member's word now, or null when they do. */
    private String ownCertificateProblem(Instant now) {
        X509Certificate own = signer.certificate();
        if (now.isBefore(own.getNotBefore().toInstant()) || now.isAfter(own.getNotAfter().toInstant())) {
            return "this node's signing certificate is valid from " + own.getNotBefore().toInstant() + " to "
                    + own.getNotAfter().toInstant() + ", not at " + now;
        }
        return certificateProblem(own);
    }

    /** Why a claim signed with this certificate does not count as this member's word, or null when it does. */
    private String certificateProblem(X509Certificate certificate) {
        if (federation.revocation(certificate).isPresent()) {
            return "signed with a revoked certificate";
        }
        boolean registered = federation.member(member).map(self -> self.signsWith(certificate)).orElse(false);
        return registered ? null : "not signed with a registered signing certificate of " + member;
    }

    private void awaitRead(long offset) {
        long deadline = System.nanoTime() + CONFIRM_DEADLINE.toNanos();
        synchronized (progress) {
            while (readUpTo <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "the delivery claim at offset " + offset
                            + " of " + partition.topic() + " was not read back within " + CONFIRM_DEADLINE.toSeconds() + " s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "interrupted while confirming a claim", e);
                }
            }
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        while (!expiries.isEmpty() && !expiries.peek().at().isAfter(now)) {
            Expiry expired = expiries.poll();
            firstClaims.remove(expired.envelopeId(), expired.first());
        }
    }
}
