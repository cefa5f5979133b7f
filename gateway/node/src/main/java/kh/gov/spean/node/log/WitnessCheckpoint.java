package kh.gov.spean.node.log;

import java.util.Arrays;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.Checkpoint;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.log.MerkleTree;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.NodeEvents;

/**
 * Step: witnesses the checkpoints other nodes publish. One not signed by the member its origin names is ignored (it
 * proves nothing). A signed one must extend the last one seen of that log (same size: same root; larger: a consistency
 * proof from it); otherwise the member rewrote its history, provably: an alarm in this node's own message log, in its
 * events, and on its error output.
 */
public final class WitnessCheckpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessCheckpoint.class);

    private final String ownOrigin;
    private final MemberId node;
    private final MessageLog log;
    private final NodeEvents events;
    private final DetachedSignatureVerifier signatures;
    private final Clock clock;
    private final Map<String, Checkpoint> lastSeen = new ConcurrentHashMap<>();

    public WitnessCheckpoint(String ownOrigin, MemberId node, MessageLog log, NodeEvents events,
                             X509Certificate trustAnchor, Clock clock) {
        this.ownOrigin = ownOrigin;
        this.node = node;
        this.log = log;
        this.events = events;
        this.signatures = new DetachedSignatureVerifier(trustAnchor);
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
            return;
        }
        if (checkpoint.origin().equals(ownOrigin)) {
            return;
        }
        String unsigned = signatureProblem(publication, checkpoint);
        if (unsigned != null) {
            // Not signed by the member it names: it proves nothing about that member's log, so no alarm — just refused.
            LOG.warn("{} ignores a checkpoint of {}: {}", node, checkpoint.origin(), unsigned);
            return;
        }
        String problem = problemWith(publication, checkpoint);
        if (problem != null) {
            alarm(checkpoint.origin(), problem);
            return;
        }
        lastSeen.put(checkpoint.origin(), checkpoint);
    }

    /** The checkpoints last seen, by origin. */
    public Map<String, Checkpoint> lastSeen() {
        return Map.copyOf(lastSeen);
    }

    private String signatureProblem(CheckpointPublication publication, Checkpoint checkpoint) {
        byte[] text = checkpoint.text();
        try {
            X509Certificate signer = signatures.verify(text, Digests.fromBase64(publication.signature()), clock.instant());
            String member = LogSettings.memberOf(checkpoint.origin());
            if (!signer.getSubjectX500Principal().getName().contains("CN=" + member + " signing")) {
                return "checkpoint " + checkpoint.size() + " is signed by " + signer.getSubjectX500Principal().getName()
                        + ", not by " + member;
            }
        } catch (RuntimeException e) {
            return "checkpoint " + checkpoint.size() + " is not signed by a member of the federation: " + e.getMessage();
        }
        return null;
    }

    /** Why a checkpoint its member signed does not extend the one seen before, or null if it does. */
    private String problemWith(CheckpointPublication publication, Checkpoint checkpoint) {
        Checkpoint seen = lastSeen.get(checkpoint.origin());
        if (seen == null) {
            return null;
        }
        if (checkpoint.size() < seen.size()) {
            return "checkpoint " + checkpoint.size() + " is older than checkpoint " + seen.size() + " seen before";
        }
        if (checkpoint.size() == seen.size()) {
            return Arrays.equals(checkpoint.root(), seen.root()) ? null
                    : "a different root at size " + seen.size() + ": the log was rewritten";
        }
        if (publication.previousSize() != seen.size()) {
            LOG.warn("{} missed checkpoints of {} between {} and {}; it cannot check the step", node,
                    checkpoint.origin(), seen.size(), publication.previousSize());
            return null;
        }
        List<byte[]> proof = publication.consistency().stream().map(HexFormat.of()::parseHex).toList();
        return MerkleTree.verifyConsistency(seen.size(), checkpoint.size(), seen.root(), checkpoint.root(), proof) ? null
                : "checkpoint " + checkpoint.size() + " does not extend checkpoint " + seen.size() + " (consistency proof fails)";
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
