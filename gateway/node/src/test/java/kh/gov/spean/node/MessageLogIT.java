package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.Checkpoint;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.log.LogVerifier;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;
import kh.gov.spean.node.log.CheckpointPublication;

/** Both nodes' message logs, after real exchanges: complete, free of payloads, verifiable; and witnessed by each other. */
class MessageLogIT {

    @TempDir
    static Path data;
    static TestNetwork network;
    static ConnectorExample match;
    static String requestId;

    @BeforeAll
    static void exchange() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20));
        match = ConnectorExample.read("moi-id-registry", "match");
        HttpResponse<String> answer = network.call(network.mef(), match.client(), match.service(), match.request());
        assertEquals(200, answer.statusCode(), answer.body());
        requestId = answer.headers().firstValue("X-Road-Id").orElseThrow();
        assertEquals(400, network.call(network.mef(), match.client(), match.service(), "{\"nationalId\":1}").statusCode());
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void each_node_logged_the_exchange_before_moving_it_on() throws Exception {
        List<String> atMef = kinds(network.mef(), requestId);
        List<String> atMoi = kinds(network.moi(), requestId);
        assertEquals(List.of("sent"), atMef, "the client's node logs the request it sent");
        assertEquals(List.of("received", "delivered"), atMoi, "the provider's node logs the request and its delivery");
        long answersAtMef = entries(network.mef()).stream().filter(entry -> "response".equals(entry.type())).count();
        assertEquals(1, answersAtMef, "the client's node logs the answer it received");
        assertTrue(entries(network.mef()).stream().anyMatch(entry -> "client.schema_invalid".equals(entry.result())),
                "the refused call is logged with its code");
    }

    @Test
    void both_logs_verify_with_their_envelope_signatures() throws Exception {
        for (GatewayNode node : List.of(network.mef(), network.moi())) {
            node.log().checkpoint();
            LogVerifier.Report report = new LogVerifier(
                    FederationLoader.loadTrustAnchor(FederationFiles.in(data)), true).verify(node.log().files(), null);
            assertTrue(report.intact(), () -> String.valueOf(report.problem()));
            assertTrue(report.signaturesChecked() >= 2);
        }
    }

    @Test
    void no_payload_is_written_anywhere_under_the_data_directory() throws Exception {
        List<String> secrets = List.of("010203040", "Sok Chandara", "សុខ ចាន់ដារ៉ា");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    String needle = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    assertFalse(content.contains(needle), secret + " found in " + file);
                }
            }
        }
    }

    @Test
    void a_node_that_rewrites_its_history_is_caught_by_the_others() throws Exception {
        CompletableFuture<String> alarm = new CompletableFuture<>();
        // Other test classes' nodes (other federations) publish on the same topic: wait for this forgery's alarm.
        network.mef().events().onAlarm(raised -> {
            if (raised.contains("1000000")) {
                alarm.complete(raised);
            }
        });
        MemberKeys moi = network.keys(TestNetwork.MOI);
        String origin = network.moi().log().origin();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaSettings.defaults(
                SharedKafkaBroker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties())) {
            for (byte fill : new byte[] {1, 2}) {
                byte[] root = new byte[32];
                java.util.Arrays.fill(root, fill);
                Checkpoint forged = new Checkpoint(origin, 1_000_000, root);
                CheckpointPublication publication = new CheckpointPublication(origin, Digests.base64(forged.text()),
                        Digests.base64(new DetachedSigner(moi.signingKey(), moi.signingCertificate()).sign(forged.text())),
                        Digests.base64(new byte[0]), 0, List.of());
                producer.send(new ProducerRecord<>(Topics.checkpoints(), origin.getBytes(StandardCharsets.UTF_8),
                        SpeanJson.toBytes(publication))).get();
            }
        }
        String raised = alarm.get(30, TimeUnit.SECONDS);
        assertTrue(raised.contains("different root at size 1000000"), raised);
        assertTrue(entries(network.mef()).stream().anyMatch(entry -> "alarm".equals(entry.kind())
                && "server.checkpoint_inconsistent".equals(entry.result())), "the alarm is in the witness's own log");
    }

    static List<LogEntry> entries(GatewayNode node) throws Exception {
        List<LogEntry> entries = new java.util.ArrayList<>();
        LogReader.forEach(new LogFiles(node.log().files().directory()), stored -> entries.add(stored.entry()));
        return entries;
    }

    static List<String> kinds(GatewayNode node, String envelopeId) throws Exception {
        return entries(node).stream().filter(entry -> envelopeId.equals(entry.envelopeId())).map(LogEntry::kind).toList();
    }
}
