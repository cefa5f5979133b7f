package kh.gov.spean.node.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.ReplayGuard;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.KafkaAdministrator;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.RecordPublisher;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;
import kh.gov.spean.validation.SchemaId;

/**
 * Two nodes of Interior share their memory of delivered requests through a real broker: what one claimed the other
 * refuses as a replay, of two claiming one request at once exactly one wins, and a claim not signed by Interior counts
 * for nothing, a node's own included (a node knows its own claims by their bytes, and checks their certificate).
 */
class DeliveredEnvelopesIT {

    static final MemberId MOI = TestNetwork.MOI;
    static final TimeWindow WINDOW = new TimeWindow(Duration.ofSeconds(60), Duration.ofHours(1));

    @TempDir
    static Path data;
    static Federation federation;
    static X509Certificate trustAnchor;
    static CamelContext camel;
    static RecordPublisher publisher;
    static KafkaSettings kafka;
    static final List<DeliveredEnvelopes> nodes = new ArrayList<>();
    static ReplayGuard secondGuard;
    static DeliveredEnvelopes first;
    static DeliveredEnvelopes second;

    @BeforeAll
    static void start() throws Exception {
        Path root = TestNetwork.repositoryRoot();
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds/federation.json"),
                root.resolve("schemas"), data);
        federation = FederationLoader.load(FederationFiles.in(data), Instant.now());
        trustAnchor = FederationLoader.loadTrustAnchor(FederationFiles.in(data));
        kafka = KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
        try (KafkaAdministrator administrator = new KafkaAdministrator(kafka)) {
            administrator.ensureTopics(List.of(Topics.delivered(MOI)), 1, Map.of());
        }
        camel = new DefaultCamelContext();
        camel.start();
        String outbox = "kafka:" + Topics.delivered(MOI) + "?" + kafka.camelProducerOptions();
        publisher = new RecordPublisher(camel.createProducerTemplate(), outbox);
        first = node("node-1", new ReplayGuard(WINDOW), MemberFiles.in(data, MOI).loadKeys());
        secondGuard = new ReplayGuard(WINDOW);
        second = node("node-2", secondGuard, MemberFiles.in(data, MOI).loadKeys());
    }

    @AfterAll
    static void stop() {
        nodes.forEach(DeliveredEnvelopes::close);
        camel.stop();
    }

    @Test
    void a_request_one_node_claimed_is_refused_as_a_replay_by_the_other() {
        EnvelopeHeader request = request();
        assertDoesNotThrow(() -> first.claim(request));
        SpeanException refused = assertThrows(SpeanException.class, () -> second.claim(request));
        assertEquals(ErrorCode.REPLAYED, refused.code(), refused::detail);
        SpeanException atTheDoor = assertThrows(SpeanException.class, () -> secondGuard.admit(request, Instant.now()));
        assertEquals(ErrorCode.REPLAYED, atTheDoor.code(), "the other node's replay guard knows it too");
    }

    @Test
    void of_two_nodes_claiming_one_request_at_once_exactly_one_wins() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                EnvelopeHeader request = request();
                List<Future<ErrorCode>> outcomes = both.invokeAll(List.of(outcome(first, request), outcome(second, request)));
                List<ErrorCode> codes = new ArrayList<>();
                for (Future<ErrorCode> outcome : outcomes) {
                    codes.add(outcome.get());
                }
                assertEquals(1, codes.stream().filter(code -> code == null).count(), "round " + round + ": " + codes);
                assertEquals(1, codes.stream().filter(code -> code == ErrorCode.REPLAYED).count(), "round " + round + ": " + codes);
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void a_claim_signed_by_another_member_makes_no_node_refuse_the_request() throws Exception {
        EnvelopeHeader request = request();
        MemberKeys economy = MemberFiles.in(data, TestNetwork.MEF).loadKeys();
        DeliveryClaim forged = new DeliveryClaim(request.id(), "node-9", Instant.now().plusSeconds(600));
        publisher.publishAt(Topics.delivered(MOI), request.id().toString(), forged.record(
                new DetachedSigner(economy.signingKey(), economy.signingCertificate()).sign(forged.text())), "a forged claim");
        assertDoesNotThrow(() -> second.claim(request), "the forged claim before it does not count");
        assertThrows(SpeanException.class, () -> first.claim(request), "the genuine claim does");
    }

    @Test
    void a_nodes_own_claim_counts_only_if_its_certificate_is_registered_for_its_member() {
        DeliveredEnvelopes misconfigured = node("node-3", new ReplayGuard(WINDOW), MemberFiles.in(data, TestNetwork.MEF)
                .loadKeys());
        EnvelopeHeader request = request();

        SpeanException refused = assertThrows(SpeanException.class, () -> misconfigured.claim(request));
        assertEquals(ErrorCode.INTERNAL, refused.code(), refused::detail);
        assertDoesNotThrow(() -> first.claim(request), "the claim signed with another member's key counted for nothing");
    }

    private static Callable<ErrorCode> outcome(DeliveredEnvelopes node, EnvelopeHeader request) {
        return () -> {
            try {
                node.claim(request);
                return null;
            } catch (SpeanException e) {
                return e.code();
            }
        };
    }

    private static DeliveredEnvelopes node(String name, ReplayGuard guard, MemberKeys keys) {
        DeliveredEnvelopes node = new DeliveredEnvelopes(kafka, MOI, name, federation,
                new DetachedSigner(keys.signingKey(), keys.signingCertificate()), trustAnchor, guard, WINDOW,
                Clock.systemUTC());
        nodes.add(node);
        node.start(publisher, Duration.ofHours(1));
        return node;
    }

    private static EnvelopeHeader request() {
        Instant now = Instant.now();
        EnvelopeId id = EnvelopeId.random();
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.CURRENT_VERSION, id, id, EnvelopeType.REQUEST,
                TestNetwork.MEF, MOI, SubsystemId.parse(TestNetwork.BUSINESS_REGISTRY),
                ServiceId.parse(TestNetwork.VERIFY_CITIZEN), now, now.plusSeconds(30),
                SchemaId.parse("moi.verifyCitizen.request/v1"), "00", "c29tZQ==", "c29tZQ==", null, null, null);
        // Round-tripped as a node would read it.
        return EnvelopeCodec.decodeHeader(EnvelopeCodec.encodeHeader(header));
    }
}
