package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * No member can abort another's call: an answer signed by a member other than the provider — here Posts and
 * Telecommunications, answering for Interior with the genuine request's hash — is refused and logged by the caller's
 * node, and the call still gets the provider's genuine answer.
 */
class ForgedAnswerIT {

    /** Long enough for the forged answer to be refused while the genuine one is still being made. */
    private static final int BACKEND_DELAY_MS = 5_000;

    @Test
    void a_forged_answer_for_a_pending_request_is_refused_and_the_genuine_answer_still_completes_the_call(
            @TempDir Path data) throws Exception {
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(30), settings -> settings,
                TestNetwork.MOI, TestNetwork.MEF);
             KafkaProducer<byte[], byte[]> attacker = new KafkaProducer<>(KafkaSettings.defaults(
                     SharedKafkaBroker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties())) {
            ConnectorExample match = ConnectorExample.read("moi-id-registry", "match");
            network.backend().setGlobalFixedDelay(BACKEND_DELAY_MS);
            CompletableFuture<EnvelopeId> handedToBackend = new CompletableFuture<>();
            network.moi().events().onDelivery(delivery -> handedToBackend.complete(delivery.envelopeId()));

            CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return network.call(network.mef(), match.client(), match.service(), match.request());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            EnvelopeId requestId = handedToBackend.get(30, TimeUnit.SECONDS);
            // Whoever reads Interior's inbox has the request's signed header, and so its hash and correlation id.
            byte[] signedHeader = receivedHeader(network.moi(), requestId);
            Envelope forged = new EnvelopeSealer(network.keys(TestNetwork.MPTC), Clock.systemUTC(), Duration.ofMinutes(1))
                    .seal(EnvelopeDraft.error(EnvelopeCodec.decodeHeader(signedHeader),
                                    Digests.base64(Digests.sha512(signedHeader)), ErrorCode.BACKEND_ERROR.code()),
                            "{\"code\":\"server.backend_error\",\"detail\":\"forged\"}".getBytes(StandardCharsets.UTF_8),
                            network.federation().member(TestNetwork.MEF).orElseThrow().encryptionCertificate())
                    .envelope();
            CompletableFuture<NodeEvents.Rejection> refusal = network.refusalOf(forged.header().id());
            attacker.send(new ProducerRecord<>(Topics.answers(TestNetwork.MEF),
                    forged.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(forged))).get();

            NodeEvents.Rejection refused = refusal.get(20, TimeUnit.SECONDS);
            assertEquals(TestNetwork.MEF, refused.node());
            assertEquals(ErrorCode.REQUEST_HASH_MISMATCH, refused.code(), refused.detail());
            assertFalse(call.isDone(), "the forged answer was refused while the call still waited for the genuine one");
            assertEquals(1, entries(network.mef()).stream().filter(entry -> forged.header().id().toString()
                    .equals(entry.envelopeId()) && "server.request_hash_mismatch".equals(entry.result())).count(),
                    "the refusal is in the caller's node's message log");

            HttpResponse<String> answer = call.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(requestId.toString(), answer.headers().firstValue("X-Road-Id").orElseThrow());
        }
    }

    /** The signed header bytes of a request the node received, from its message log. */
    private static byte[] receivedHeader(GatewayNode node, EnvelopeId id) throws Exception {
        return Digests.fromBase64(entries(node).stream().filter(entry -> id.toString().equals(entry.envelopeId())
                && LogEntryKind.RECEIVED.wireName().equals(entry.kind())).findFirst().orElseThrow().header());
    }

    private static List<LogEntry> entries(GatewayNode node) throws Exception {
        List<LogEntry> entries = new ArrayList<>();
        LogReader.forEach(new LogFiles(node.log().files().directory()), stored -> entries.add(stored.entry()));
        return entries;
    }
}
