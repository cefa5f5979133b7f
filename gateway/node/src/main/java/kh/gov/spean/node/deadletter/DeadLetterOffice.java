package kh.gov.spean.node.deadletter;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.kafka.RecordPublisher;
import kh.gov.spean.node.kafka.Topics;

/**
 * Sets aside what can never be delivered — a one-way message refused for good or expired without a receipt, an event
 * copy its subscriber's backend would not take — on this member's dead-letter topic, with its reason, after writing
 * a {@code dead_lettered} entry to the message log. Remembers what it set aside, so that a redriven envelope is let
 * through the replay check once.
 */
public final class DeadLetterOffice {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOffice.class);

    private final MemberId member;
    private final MessageLog log;
    private final Clock clock;
    private final Set<EnvelopeId> redrivable = ConcurrentHashMap.newKeySet();
    private RecordPublisher publisher;

    public DeadLetterOffice(MemberId member, MessageLog log, Clock clock) {
        this.member = member;
        this.log = log;
        this.clock = clock;
    }

    /** Starts publishing through the node's Kafka producer. */
    public void start(RecordPublisher recordPublisher) {
        publisher = recordPublisher;
    }

    /** Logs and publishes a dead letter; {@code signer} is the certificate that signed the envelope. */
    public void deadLetter(String kind, Envelope envelope, X509Certificate signer, ErrorCode code, String detail) {
        log.append(LogEntries.deadLettered(member, envelope, signer, code, detail));
        var header = envelope.header();
        redrivable.add(header.id());
        DeadLetter letter = new DeadLetter(header.id().toString(), kind, code.code(), detail, header.service().toString(),
                header.client().toString(), header.sender().toString(), header.recipient().toString(),
                member.toString(), clock.instant(), header.expiresAt(), Topics.of(header),
                Digests.base64(EnvelopeCodec.encode(envelope)));
        publisher.publish(Topics.deadLetters(member), header.id().toString(), SpeanJson.toBytes(letter),
                "the dead letter for " + header.id());
        LOG.warn("{} set aside {} {} on {}: {} ({})", member, kind, header.id(), Topics.deadLetters(member), code, detail);
    }

    /** Remembers a dead letter recorded in the log before a restart. */
    public void remember(EnvelopeId id) {
        redrivable.add(id);
    }

    /** True, once, for an envelope this node set aside: its redrive passes the replay check. */
    public boolean takeRedrive(EnvelopeId id) {
        return redrivable.remove(id);
    }
}
