package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * The federation authority revokes a member with {@code spean federation revoke}; the running nodes adopt the newer,
 * signed configuration without a restart and refuse what the revoked certificate signs — written straight into Kafka
 * or sent through the revoked member's own node — with a code, no backend hit.
 */
class RevocationIT {

    @Test
    void a_revoked_member_is_refused_as_soon_as_the_nodes_load_the_new_configuration(@TempDir Path data) throws Exception {
        String body = "{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}";
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaSettings.defaults(
                     SharedKafkaBroker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties())) {
            assertEquals(200, network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN, body)
                    .statusCode());
            Instant before = network.moi().federation().issuedAt();

            CommandRun revoke = CommandRun.of("federation", "revoke", "--data", data.toString(), "--member", "KH/GOV/MEF");
            assertEquals(0, revoke.exit(), revoke.output() + revoke.errors());

            await().atMost(Duration.ofSeconds(30)).until(() -> network.moi().federation().issuedAt().isAfter(before)
                    && network.mef().federation().issuedAt().isAfter(before));

            int hitsBefore = network.backendHits();
            Envelope forged = signedByEconomyAndFinance(network, body);
            var refusal = network.refusalOf(forged.header().id());
            producer.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MOI),
                    forged.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(forged))).get();
            NodeEvents.Rejection rejection = refusal.get(20, TimeUnit.SECONDS);
            assertEquals(ErrorCode.CERTIFICATE_REVOKED, rejection.code(), rejection::detail);

            var throughItsNode = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN, body);
            assertEquals(403, throughItsNode.statusCode(), throughItsNode.body());
            assertEquals("client.certificate_revoked", throughItsNode.headers().firstValue("X-Road-Error").orElseThrow());
            assertEquals(hitsBefore, network.backendHits(), "nothing signed by a revoked certificate reaches a backend");
            assertTrue(revoke.output().contains("Revoked 2 certificate(s) of KH/GOV/MEF"), revoke.output());
        }
    }

    private static Envelope signedByEconomyAndFinance(TestNetwork network, String body) {
        Federation federation = network.federation();
        ServiceId service = ServiceId.parse(TestNetwork.VERIFY_CITIZEN);
        Federation.Service entry = federation.service(service).orElseThrow();
        return new EnvelopeSealer(network.keys(TestNetwork.MEF), Clock.systemUTC(), Duration.ofMinutes(5)).seal(
                EnvelopeDraft.request(SubsystemId.parse(TestNetwork.BUSINESS_REGISTRY), service, entry.requestSchema(),
                        federation.schemaDigest(entry.requestSchema()).orElseThrow()),
                body.getBytes(StandardCharsets.UTF_8),
                federation.member(TestNetwork.MOI).orElseThrow().encryptionCertificate()).envelope();
    }
}
