package kh.gov.spean.node.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.FederationRevocation;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.federation.TimestampingFiles;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.Checkpoint;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.log.MerkleTree;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.NodeEvents.WitnessOutcome;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.TestNetwork;

/**
 * Economy and Finance's node witnesses Interior's checkpoints, with real signatures, real Merkle proofs and its history
 * on disk: it remembers across a restart, refuses what Interior's registered, unrevoked key did not sign, and ignores
 * (and counts) an old checkpoint published again.
 */
class WitnessCheckpointIT {

    static final String ORIGIN = LogSettings.originOf("KH/GOV/MOI", "node-1");

    @TempDir
    static Path data;
    static Federation federation;
    static X509Certificate trustAnchor;
    static MemberKeys interior;
    static MessageLog witnessLog;
    /** Interior's log, as its checkpoints describe it; and another history of the same length, a rewrite. */
    static final MerkleTree history = tree("entry");
    static final MerkleTree rewritten = tree("rewritten entry");

    final NodeEvents events = new NodeEvents(TestNetwork.MEF);
    final List<NodeEvents.Witnessed> outcomes = new CopyOnWriteArrayList<>();

    {
        events.onWitnessed(outcomes::add);
    }

    @BeforeAll
    static void federation() throws Exception {
        Path root = TestNetwork.repositoryRoot();
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds/federation.json"),
                root.resolve("schemas"), data);
        federation = FederationLoader.load(FederationFiles.in(data), Instant.now());
        trustAnchor = FederationLoader.loadTrustAnchor(FederationFiles.in(data));
        interior = MemberFiles.in(data, TestNetwork.MOI).loadKeys();
        MemberKeys economy = MemberFiles.in(data, TestNetwork.MEF).loadKeys();
        witnessLog = MessageLog.open(NodeSettings.defaults(TestNetwork.MEF, data, "127.0.0.1:9", root).logSettings(),
                new DetachedSigner(economy.signingKey(), economy.signingCertificate()),
                TimestampingFiles.in(data).loadAuthority(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        witnessLog.close();
    }

    @Test
    void a_restarted_witness_checks_the_next_checkpoint_against_the_one_it_saw_before_the_restart(@TempDir Path disk) {
        witness(disk, federation).process(published(history, 4, 0, interior));

        WitnessCheckpoint restarted = witness(disk, federation);
        assertArrayEquals(history.root(4), restarted.lastSeen(ORIGIN).orElseThrow().root(), "remembered from its disk");
        restarted.process(published(rewritten, 8, 4, interior));
        assertEquals(WitnessOutcome.INCONSISTENT, lastOutcome(), "a rewrite is caught across the restart");
        assertEquals(1, events.alarms());
        restarted.process(published(history, 8, 4, interior));
        assertEquals(WitnessOutcome.ACCEPTED, lastOutcome(), "the genuine next checkpoint extends the one seen before");
        assertEquals(8, restarted.lastSeen(ORIGIN).orElseThrow().size());
    }

    @Test
    void refuses_a_checkpoint_of_interior_signed_by_another_member(@TempDir Path disk) {
        WitnessCheckpoint witness = witness(disk, federation);
        witness.process(published(history, 4, 0, MemberFiles.in(data, TestNetwork.MPTC).loadKeys()));
        assertEquals(WitnessOutcome.REFUSED, lastOutcome());
        assertTrue(witness.lastSeen(ORIGIN).isEmpty(), "nothing of it is taken as Interior's history");
        assertEquals(0, events.alarms());
    }

    @Test
    void refuses_a_checkpoint_signed_with_a_certificate_the_federation_revoked(@TempDir Path disk, @TempDir Path other)
            throws Exception {
        Path root = TestNetwork.repositoryRoot();
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds/federation.json"),
                root.resolve("schemas"), other);
        MemberKeys revokedKeys = MemberFiles.in(other, TestNetwork.MOI).loadKeys();
        new FederationRevocation(Clock.systemUTC()).revoke(other, TestNetwork.MOI, "key compromised");
        Federation revoking = FederationLoader.load(FederationFiles.in(other), Instant.now());
        WitnessCheckpoint witness = new WitnessCheckpoint("spean.gov.kh/KH/GOV/MEF/node-1", TestNetwork.MEF, witnessLog,
                events, revoking, FederationLoader.loadTrustAnchor(FederationFiles.in(other)),
                WitnessedCheckpoints.in(disk), Clock.systemUTC());
        witness.process(published(history, 4, 0, revokedKeys));
        assertEquals(WitnessOutcome.REFUSED, lastOutcome());
        assertTrue(witness.lastSeen(ORIGIN).isEmpty());
    }

    @Test
    void an_old_checkpoint_published_again_is_counted_and_ignored_without_an_alarm(@TempDir Path disk) {
        WitnessCheckpoint witness = witness(disk, federation);
        witness.process(published(history, 4, 0, interior));
        witness.process(published(history, 8, 4, interior));
        witness.process(published(history, 4, 0, interior));
        assertEquals(WitnessOutcome.REPLAYED, lastOutcome());
        witness.process(published(history, 2, 0, interior));
        assertEquals(WitnessOutcome.STALE, lastOutcome(), "older than anything kept: ignored too");
        assertEquals(0, events.alarms());
        assertEquals(8, witness.lastSeen(ORIGIN).orElseThrow().size());
        assertEquals(List.of(WitnessOutcome.ACCEPTED, WitnessOutcome.ACCEPTED, WitnessOutcome.REPLAYED,
                WitnessOutcome.STALE), outcomes.stream().map(NodeEvents.Witnessed::outcome).toList());
    }

    private WitnessCheckpoint witness(Path disk, Federation trusted) {
        return new WitnessCheckpoint("spean.gov.kh/KH/GOV/MEF/node-1", TestNetwork.MEF, witnessLog, events, trusted,
                trustAnchor, WitnessedCheckpoints.in(disk), Clock.systemUTC());
    }

    private WitnessOutcome lastOutcome() {
        return outcomes.get(outcomes.size() - 1).outcome();
    }

    /** Interior's checkpoint of {@code log} at {@code size}, with the proof from {@code previous}, as on the topic. */
    private static Exchange published(MerkleTree log, long size, long previous, MemberKeys signer) {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, size, log.root(size));
        List<String> proof = previous == 0 ? List.of()
                : log.consistencyProof(previous, size).stream().map(Digests::hex).toList();
        CheckpointPublication publication = new CheckpointPublication(ORIGIN, Digests.base64(checkpoint.text()),
                Digests.base64(new DetachedSigner(signer.signingKey(), signer.signingCertificate()).sign(checkpoint.text())),
                Digests.base64(new byte[0]), previous, proof);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(SpeanJson.toBytes(publication));
        return exchange;
    }

    private static MerkleTree tree(String prefix) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 8; i++) {
            tree.append((prefix + " " + i).getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }
}
