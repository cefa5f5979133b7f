package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * Kafka is outside the trust boundary: whoever can write to the topics still cannot get a forged, altered, replayed,
 * misaddressed or expired envelope past a node, nor one that calls a personal-data service without the purpose and
 * official its signed header must declare. Each attempt is refused with its code and reaches no backend.
 */
class KafkaAttackIT {

    static final ServiceId VERIFY_CITIZEN = ServiceId.parse(TestNetwork.VERIFY_CITIZEN);
    /** Texts on which the envelope parser once spun for ever, and a number that would take for ever to make exact. */
    static final List<String> TRUNCATED = List.of("{\"v\":1,\"x\":[", "{", "[1,2", "{\"v\":1,\"header\":{\"a\":[[[",
            "{\"v\":1e999999999,\"header\":\"\",\"signature\":\"\",\"payload\":\"\"}", "", "\u0000garbage");

    @TempDir
    static Path data;
    static TestNetwork network;
    static ConnectorExample match;
    static KafkaProducer<byte[], byte[]> attacker;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(10));
        match = ConnectorExample.read("moi-id-registry", "match");
        attacker = new KafkaProducer<>(KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(),
                KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties());
    }

    @AfterAll
    static void stop() {
        attacker.close();
        network.close();
    }

    @Test
    void refuses_a_record_that_is_not_an_envelope() throws Exception {
        int hitsBefore = network.backendHits();
        var refusal = new CompletableFuture<NodeEvents.Rejection>();
        network.moi().events().onRejection(rejection -> {
            if (rejection.envelopeId() == null) {
                refusal.complete(rejection);
            }
        });
        attacker.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MOI), "junk".getBytes(StandardCharsets.UTF_8),
                "{\"v\":1,\"header\":\"AAAA\"".getBytes(StandardCharsets.UTF_8))).get();
        assertEquals(ErrorCode.ENVELOPE_MALFORMED, refusal.get(20, TimeUnit.SECONDS).code());
        assertEquals(hitsBefore, network.backendHits());
    }

    /**
     * Truncated JSON once made the envelope parser spin for ever on the consumer's thread, so the partition it landed on
     * served nothing again, even after a restart. Each is now refused and committed, on every partition of the inbox,
     * and a genuine envelope on each partition still reaches the backend.
     */
    @Test
    void truncated_records_on_every_partition_stall_none_of_them() throws Exception {
        int partitions = attacker.partitionsFor(Topics.inbox(TestNetwork.MOI)).size();
        AtomicInteger malformed = new AtomicInteger();
        network.moi().events().onRejection(rejection -> {
            if (rejection.envelopeId() == null && rejection.code() == ErrorCode.ENVELOPE_MALFORMED) {
                malformed.incrementAndGet();
            }
        });
        int hitsBefore = network.backendHits();
        for (int partition = 0; partition < partitions; partition++) {
            for (String record : TRUNCATED) {
                attacker.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MOI), partition,
                        "junk".getBytes(StandardCharsets.UTF_8), record.getBytes(StandardCharsets.UTF_8))).get();
            }
            Envelope genuine = request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY, Clock.systemUTC());
            attacker.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MOI), partition,
                    genuine.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(genuine))).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(TRUNCATED.size() * partitions, malformed.get(), "every truncated record refused as malformed");
            assertEquals(hitsBefore + partitions, network.backendHits(), "a genuine envelope served on every partition");
        });
        HttpResponse<String> call = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN,
                match.request());
        assertEquals(200, call.statusCode(), call::body);
    }

    /**
     * The other topics a node reads — both members' answers, the checkpoints every node witnesses, the member's
     * delivered claims — get the same records on every partition, and calls keep being answered: more calls than the
     * answers topic has partitions, each within its timeout.
     */
    @Test
    void truncated_records_on_the_answers_checkpoints_and_delivered_topics_stall_nothing() throws Exception {
        List<String> topics = List.of(Topics.answers(TestNetwork.MEF), Topics.answers(TestNetwork.MOI),
                Topics.checkpoints(), Topics.delivered(TestNetwork.MOI));
        for (String topic : topics) {
            int partitions = attacker.partitionsFor(topic).size();
            for (int partition = 0; partition < partitions; partition++) {
                for (String record : TRUNCATED) {
                    attacker.send(new ProducerRecord<>(topic, partition, "junk".getBytes(StandardCharsets.UTF_8),
                            record.getBytes(StandardCharsets.UTF_8))).get();
                }
            }
        }
        int calls = 2 * attacker.partitionsFor(Topics.answers(TestNetwork.MEF)).size();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> call = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY,
                    TestNetwork.VERIFY_CITIZEN, match.request());
            assertEquals(200, call.statusCode(), call::body);
        }
    }

    @Test
    void refuses_an_envelope_whose_ciphertext_was_altered() throws Exception {
        Envelope genuine = request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY, Clock.systemUTC());
        byte[] ciphertext = genuine.ciphertext().clone();
        ciphertext[ciphertext.length / 2] ^= 0x01;
        assertRefused(new Envelope(genuine.headerBytes(), genuine.header(), genuine.signature(), ciphertext),
                ErrorCode.CIPHERTEXT_ALTERED);
    }

    @Test
    void refuses_an_envelope_whose_header_was_altered() throws Exception {
        Envelope genuine = request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY, Clock.systemUTC());
        byte[] header = new String(genuine.headerBytes(), StandardCharsets.UTF_8)
                .replace("BUSINESS-REGISTRY", "TAX-REGISTRY").getBytes(StandardCharsets.UTF_8);
        assertRefused(new Envelope(header, EnvelopeCodec.decodeHeader(header), genuine.signature(), genuine.ciphertext()),
                ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void refuses_a_replayed_envelope_after_serving_the_original_once() throws Exception {
        Envelope genuine = request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY, Clock.systemUTC());
        int hitsBefore = network.backendHits();
        var answerRefused = refusalOfAnswerTo(genuine);
        publish(genuine);
        // The original is served; its answer goes to MEF's node, which was not waiting for it and refuses it as late.
        assertEquals(ErrorCode.TIMEOUT, answerRefused.get(20, TimeUnit.SECONDS).code());
        assertEquals(hitsBefore + 1, network.backendHits());

        assertRefused(genuine, ErrorCode.REPLAYED);
        assertEquals(hitsBefore + 1, network.backendHits(), "the replay must not reach the backend");
    }

    @Test
    void refuses_an_envelope_signed_by_a_key_outside_the_federation() throws Exception {
        CertificateAuthority rogue = DevelopmentPki.newRootCa("Rogue CA", Duration.ofDays(1));
        KeyPair signing = DevelopmentPki.newKeyPair();
        MemberKeys real = network.keys(TestNetwork.MEF);
        MemberKeys forged = new MemberKeys(TestNetwork.MEF, signing.getPrivate(),
                rogue.issueSigningCertificate("KH/GOV/MEF signing", signing.getPublic(), Duration.ofDays(1)),
                real.encryptionKey(), real.encryptionCertificate());
        assertRefused(request(forged, TestNetwork.BUSINESS_REGISTRY, Clock.systemUTC()), ErrorCode.SIGNER_UNTRUSTED);
    }

    @Test
    void refuses_a_member_that_skips_its_own_node_to_call_without_the_access_right() throws Exception {
        assertRefused(request(network.keys(TestNetwork.MEF), "KH/GOV/MEF/TAX-REGISTRY", Clock.systemUTC()),
                ErrorCode.ACCESS_DENIED);
    }

    @Test
    void refuses_a_member_that_skips_its_own_node_to_call_a_personal_data_service_without_a_purpose() throws Exception {
        Envelope withoutPurpose = request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY,
                Clock.systemUTC(), null, TestNetwork.OFFICIAL);
        assertRefused(withoutPurpose, ErrorCode.PURPOSE_MISSING);
        assertRejectionLogged(withoutPurpose, ErrorCode.PURPOSE_MISSING);
    }

    @Test
    void refuses_a_member_that_skips_its_own_node_to_call_for_a_purpose_it_is_not_granted() throws Exception {
        Envelope notGranted = request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY,
                Clock.systemUTC(), "TAX_ASSESSMENT", TestNetwork.OFFICIAL);
        assertRefused(notGranted, ErrorCode.PURPOSE_NOT_GRANTED);
        assertRejectionLogged(notGranted, ErrorCode.PURPOSE_NOT_GRANTED);
    }

    @Test
    void refuses_a_member_that_skips_its_own_node_to_call_a_personal_data_service_naming_no_official() throws Exception {
        Envelope anonymous = request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY,
                Clock.systemUTC(), TestNetwork.VERIFY_CITIZEN_PURPOSE, null);
        assertRefused(anonymous, ErrorCode.OFFICIAL_MISSING);
        assertRejectionLogged(anonymous, ErrorCode.OFFICIAL_MISSING);
    }

    @Test
    void refuses_a_member_signing_for_another_members_subsystem() throws Exception {
        assertRefused(request(network.keys(TestNetwork.MEF), "KH/GOV/MOI/ANTI-SCAM", Clock.systemUTC()),
                ErrorCode.ACCESS_DENIED);
    }

    @Test
    void refuses_an_envelope_addressed_to_another_member() throws Exception {
        Federation federation = network.federation();
        Federation.Service service = federation.service(VERIFY_CITIZEN).orElseThrow();
        EnvelopeDraft toMef = new EnvelopeDraft(EnvelopeId.random(), EnvelopeId.random(),
                EnvelopeType.REQUEST, TestNetwork.MEF, SubsystemId.parse(TestNetwork.BUSINESS_REGISTRY),
                VERIFY_CITIZEN, service.requestSchema(), federation.schemaDigest(service.requestSchema()).orElseThrow(),
                null, null);
        Envelope envelope = new EnvelopeSealer(network.keys(TestNetwork.MEF), Clock.systemUTC(), Duration.ofMinutes(5))
                .seal(toMef, match.request().getBytes(StandardCharsets.UTF_8),
                        federation.member(TestNetwork.MOI).orElseThrow().encryptionCertificate()).envelope();
        assertRefused(envelope, ErrorCode.WRONG_RECIPIENT);
    }

    @Test
    void refuses_an_expired_envelope() throws Exception {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertRefused(request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY, anHourAgo), ErrorCode.EXPIRED);
    }

    @Test
    void refuses_an_envelope_from_a_clock_far_in_the_future() throws Exception {
        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        assertRefused(request(network.keys(TestNetwork.MEF), TestNetwork.BUSINESS_REGISTRY, tomorrow), ErrorCode.EXPIRED);
    }

    private static CompletableFuture<NodeEvents.Rejection> refusalOfAnswerTo(Envelope request) {
        CompletableFuture<NodeEvents.Rejection> answerRefused = new CompletableFuture<>();
        network.mef().events().onRejection(rejection -> {
            if (rejection.detail() != null && rejection.detail().contains(request.header().id().toString())) {
                answerRefused.complete(rejection);
            }
        });
        return answerRefused;
    }

    private static void assertRefused(Envelope envelope, ErrorCode expected) throws Exception {
        int hitsBefore = network.backendHits();
        var refusal = network.refusalOf(envelope.header().id());
        publish(envelope);
        NodeEvents.Rejection rejection = refusal.get(20, TimeUnit.SECONDS);
        assertEquals(expected, rejection.code(), rejection::detail);
        assertEquals(TestNetwork.MOI, rejection.node());
        assertEquals(hitsBefore, network.backendHits(), "a refused envelope must not reach the backend");
    }

    private static void publish(Envelope envelope) throws Exception {
        attacker.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MOI),
                envelope.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(envelope))).get();
    }

    /** A request as {@code sender}'s node would seal it: the purpose the business registry is granted, an official. */
    private static Envelope request(MemberKeys sender, String client, Clock clock) {
        return request(sender, client, clock, TestNetwork.VERIFY_CITIZEN_PURPOSE, TestNetwork.OFFICIAL);
    }

    /** A request whose signed header declares {@code purpose} and {@code official} (each null for none). */
    private static Envelope request(MemberKeys sender, String client, Clock clock, String purpose, String official) {
        return TestNetwork.verifyCitizenRequest(network.federation(), sender, client, clock,
                match.request().getBytes(StandardCharsets.UTF_8), purpose, official);
    }

    /** Waits for the provider's rejection entry of {@code envelope}, with {@code code}, in its message log. */
    private static void assertRejectionLogged(Envelope envelope, ErrorCode code) {
        String id = envelope.header().id().toString();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            AtomicInteger found = new AtomicInteger();
            LogReader.forEach(network.moi().log().files(), stored -> {
                if (LogEntryKind.REJECTED.wireName().equals(stored.entry().kind())
                        && code.code().equals(stored.entry().result()) && id.equals(stored.entry().envelopeId())) {
                    found.incrementAndGet();
                }
            });
            return found.get() == 1;
        });
    }
}
