package kh.gov.spean.node.log;

import java.util.Arrays;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.Checkpoint;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.log.MerkleTree;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.NodeEvents.WitnessOutcome;

/**
 * Step: witnesses the checkpoints other nodes publish (decision 0035). One not signed by the registered, unrevoked
 * signing certificate of the member its origin names is refused (it proves nothing). A signed one is compared with
 * what this node witnessed of that log before, kept on its disk across restarts ({@link WitnessedCheckpoints}): one
 * seen before, re-published, and one older than the last seen are ignored and counted; a newer one must extend the
 * last one seen (a consistency proof from it); a different root at a size seen, or a failed proof, means the member
 * rewrote its history, provably: an alarm in this node's own message log, in its events, and on its error output.
 */
public final class WitnessCheckpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessCheckpoint.class);

    /** What a signed checkpoint is, next to what was witnessed of its log: an outcome, and what is wrong if anything. */
    private record Judgement(WitnessOutcome outcome, String problem) {
    }

    private final String ownOrigin;
    private final MemberId node;
    private final MessageLog log;
    private final NodeEvents events;
    private final Federation federation;
    private final DetachedSignatureVerifier signatures;
    private final WitnessedCheckpoints witnessed;
    private final Clock clock;

    public WitnessCheckpoint(String ownOrigin, MemberId node, MessageLog log, NodeEvents events, Federation federation,
                             X509Certificate trustAnchor, WitnessedCheckpoints witnessed, Clock clock) {
        this.ownOrigin = ownOrigin;
        this.node = node;
        this.log = log;
        this.events = events;
        this.federation = federation;
        this.signatures = new DetachedSignatureVerifier(trustAnchor);
        this.witnessed = witnessed;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        CheckpointPublication publication;
        Checkpoint checkpoint;
        try {
            publication = SpeanJson.fromBytes(exchange.getMessage().getBody(byte[].class), CheckpointPublication.class);
            checkpoint = Checkpoint.parse(Digests.fromBase64(publication.checkpoint()));
        } catch (RuntimeException e) {
            LOG.warn("{} ignores an unreadable checkpoint publication", node);
            events.witnessed(null, -1, WitnessOutcome.REFUSED);
            return;
        }
        if (checkpoint.origin().equals(ownOrigin)) {
            return;
        }
        String unsigned = signatureProblem(publication, checkpoint);
        if (unsigned != null) {
            // Not signed by the member it names: it proves nothing about that member's log, so no alarm — just refused.
            LOG.warn("{} refuses a checkpoint of {}: {}", node, checkpoint.origin(), unsigned);
            events.witnessed(checkpoint.origin(), checkpoint.size(), WitnessOutcome.REFUSED);
            return;
        }
        Judgement judgement = judge(publication, checkpoint);
        switch (judgement.outcome()) {
            case INCONSISTENT -> alarm(checkpoint.origin(), judgement.problem());
            case ACCEPTED, UNCHECKED -> witnessed.accept(checkpoint);
            default -> LOG.info("{} ignores checkpoint {} of {}: {}", node, checkpoint.size(), checkpoint.origin(),
                    judgement.problem());
        }
        if (judgement.outcome() == WitnessOutcome.UNCHECKED) {
            LOG.warn("{} takes checkpoint {} of {} unchecked: {}", node, checkpoint.size(), checkpoint.origin(),
                    judgement.problem());
        }
        events.witnessed(checkpoint.origin(), checkpoint.size(), judgement.outcome());
    }

    /** The checkpoint of {@code origin} this node witnessed last, before or since it started. */
    public Optional<Checkpoint> lastSeen(String origin) {
        return witnessed.last(origin);
    }

    /** Why the checkpoint does not count as its member's word, or null when it does. */
    private String signatureProblem(CheckpointPublication publication, Checkpoint checkpoint) {
        X509Certificate signer;
        try {
            signer = signatures.verify(checkpoint.text(), Digests.fromBase64(publication.signature()), clock.instant());
        } catch (RuntimeException e) {
            return "checkpoint " + checkpoint.size() + " is not signed by a member of the federation: " + e.getMessage();
        }
        Optional<Federation.Member> member;
        try {
            member = federation.member(MemberId.parse(LogSettings.memberOf(checkpoint.origin())));
        } catch (IllegalArgumentException e) {
            return "its origin names no member";
        }
        if (member.isEmpty() || !member.get().signsWith(signer)) {
            return "checkpoint " + checkpoint.size() + " is signed by " + signer.getSubjectX500Principal().getName()
                    + ", not by a registered signing certificate of " + LogSettings.memberOf(checkpoint.origin());
        }
        return federation.revocation(signer).map(revoked -> "checkpoint " + checkpoint.size() + " is signed with a"
                + " certificate revoked at " + revoked.revokedAt() + ": " + revoked.reason()).orElse(null);
    }

    private Judgement judge(CheckpointPublication publication, Checkpoint checkpoint) {
        String origin = checkpoint.origin();
        Optional<Checkpoint> last = witnessed.last(origin);
        if (last.isEmpty()) {
            return new Judgement(WitnessOutcome.ACCEPTED, null);
        }
        Checkpoint seen = last.get();
        if (checkpoint.size() <= seen.size()) {
            Optional<byte[]> rootThen = witnessed.rootAt(origin, checkpoint.size());
            if (rootThen.isEmpty()) {
                return new Judgement(WitnessOutcome.STALE, "older than checkpoint " + seen.size() + " seen before");
            }
            return Arrays.equals(rootThen.get(), checkpoint.root())
                    ? new Judgement(WitnessOutcome.REPLAYED, "seen before, published again")
                    : new Judgement(WitnessOutcome.INCONSISTENT,
                            "a different root at size " + checkpoint.size() + ": the log was rewritten");
        }
        if (publication.previousSize() != seen.size()) {
            return new Judgement(WitnessOutcome.UNCHECKED, "its proof starts at " + publication.previousSize()
                    + ", not at checkpoint " + seen.size() + " seen last (checkpoints were missed)");
        }
        List<byte[]> proof;
        try {
            proof = publication.consistency().stream().map(HexFormat.of()::parseHex).toList();
        } catch (RuntimeException e) {
            proof = List.of();
        }
        return MerkleTree.verifyConsistency(seen.size(), checkpoint.size(), seen.root(), checkpoint.root(), proof)
                ? new Judgement(WitnessOutcome.ACCEPTED, null)
                : new Judgement(WitnessOutcome.INCONSISTENT, "checkpoint " + checkpoint.size()
                        + " does not extend checkpoint " + seen.size() + " (consistency proof fails)");
    }

    private void alarm(String origin, String problem) {
        LOG.error("ALARM: {} witnessed a checkpoint of {} that does not extend its history: {}", node, origin, problem);
        try {
            log.append(LogEntries.alarm(node, origin, ErrorCode.CHECKPOINT_INCONSISTENT, problem));
        } catch (RuntimeException e) {
            LOG.error("cannot write the alarm to the message log: {}", e.getMessage());
        }
        events.alarm(origin, problem);
    }
}
