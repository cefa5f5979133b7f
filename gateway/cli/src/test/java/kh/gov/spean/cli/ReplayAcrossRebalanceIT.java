package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogTail;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * Interior runs two nodes, separate JVMs with separate disks. A genuine request delivered by the first is published
 * again once the first has left and the second holds the whole inbox: the second refuses it as a replay — it knows the
 * request only from the member's shared memory of delivered requests, not from its own log — and the backend sees it once.
 */
class ReplayAcrossRebalanceIT {

    @Test
    void a_request_delivered_by_one_node_and_published_again_after_a_rebalance_is_refused_by_the_other(
            @TempDir Path data, @TempDir Path secondDisk) throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        ScaleOutIT.copy(data, secondDisk);
        Envelope request = genuineRequest(data);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.inbox(TestNetwork.MOI),
                request.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(request));
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        String backend = "moi-id-registry=" + TestNetwork.baseUrl(idRegistry);
        try (KafkaProducer<byte[], byte[]> writer = new KafkaProducer<>(KafkaSettings.defaults(
                SharedKafkaBroker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties())) {
            try (NodeProcess first = node(data, data, "node-1", backend)) {
                writer.send(record).get();
                await().atMost(Duration.ofSeconds(30)).until(() -> backendHits(idRegistry) == 1);
            }
            // The first node has left the group: whatever the inbox holds now goes to the second.
            try (NodeProcess second = node(secondDisk, data, "node-2", backend)) {
                writer.send(record).get();
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> refusedAsReplay(secondDisk, request));
            }
            assertEquals(1, backendHits(idRegistry), "the request reached the backend once");
            assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MOI/log").toString(),
                    "--log", secondDisk.resolve("KH.GOV.MOI/log").toString()));
        } finally {
            idRegistry.stop();
        }
    }

    /** A node of Interior on {@code disk}, calling its backend with the TLS material made in {@code backendTls}. */
    private static NodeProcess node(Path disk, Path backendTls, String name, String backend) throws Exception {
        return NodeProcess.start(disk.resolve("moi-" + name + ".log"), NodeProcess.withBackendTls(backendTls, "--member",
                "KH/GOV/MOI", "--data", disk.toString(), "--node-name", name, "--http-port", "0", "--kafka-bootstrap",
                SharedKafkaBroker.bootstrapServers(), "--backend", backend));
    }

    /** Requests the ID registry received for verifyCitizen, from WireMock's journal (its health checks aside). */
    private static long backendHits(WireMockServer idRegistry) {
        return idRegistry.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().contains("citizens")).count();
    }

    private static boolean refusedAsReplay(Path disk, Envelope request) throws Exception {
        return LogTail.since(new LogFiles(disk.resolve("KH.GOV.MOI/log")), Instant.EPOCH).stream()
                .anyMatch(entry -> request.header().id().toString().equals(entry.envelopeId())
                        && LogEntryKind.REJECTED.wireName().equals(entry.kind()) && "client.replayed".equals(entry.result()));
    }

    /** A request Economy and Finance signed and sealed to Interior, as its node would publish it. */
    private static Envelope genuineRequest(Path data) throws Exception {
        Federation federation = FederationLoader.load(FederationFiles.in(data), Instant.now());
        String body = "{\"nationalId\":\"010203040\",\"fullNameKm\":\"សុខ ចាន់ដារ៉ា\",\"fullNameEn\":\"Sok Chandara\","
                + "\"dateOfBirth\":\"1990-01-31\"}";
        return TestNetwork.verifyCitizenRequest(federation, MemberFiles.in(data, TestNetwork.MEF).loadKeys(),
                TestNetwork.BUSINESS_REGISTRY, Clock.systemUTC(), body.getBytes(StandardCharsets.UTF_8),
                TestNetwork.VERIFY_CITIZEN_PURPOSE, TestNetwork.OFFICIAL);
    }
}
