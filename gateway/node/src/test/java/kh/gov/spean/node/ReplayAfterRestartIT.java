package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/** A provider node that restarts still refuses a replay of what it served before: it remembers from its message log. */
class ReplayAfterRestartIT {

    @Test
    void a_replay_after_the_provider_restarts_is_refused_and_reaches_no_backend(@TempDir Path data) throws Exception {
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20));
             KafkaProducer<byte[], byte[]> attacker = new KafkaProducer<>(KafkaSettings.defaults(
                     SharedKafkaBroker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties())) {
            ConnectorExample match = ConnectorExample.read("moi-id-registry", "match");
            Envelope request = network.verifyCitizenRequest(match.request().getBytes(StandardCharsets.UTF_8));
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.inbox(TestNetwork.MOI),
                    request.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(request));

            CompletableFuture<Void> delivered = new CompletableFuture<>();
            network.moi().events().onDelivery(delivery -> {
                if (delivery.envelopeId().equals(request.header().id())) {
                    delivered.complete(null);
                }
            });
            attacker.send(record).get();
            delivered.get(20, TimeUnit.SECONDS);

            network.moi().close();
            Path root = TestNetwork.repositoryRoot();
            try (GatewayNode restarted = GatewayNode.start(TestNetwork.settings(TestNetwork.MOI, data, root,
                    Duration.ofSeconds(20), Map.of("moi-id-registry", TestNetwork.baseUrl(network.backend()))),
                    Clock.systemUTC())) {
                CompletableFuture<NodeEvents.Rejection> refused = new CompletableFuture<>();
                restarted.events().onRejection(rejection -> {
                    if (request.header().id().equals(rejection.envelopeId())) {
                        refused.complete(rejection);
                    }
                });
                int hitsBefore = network.backendHits();
                attacker.send(record).get();
                assertEquals(ErrorCode.REPLAYED, refused.get(30, TimeUnit.SECONDS).code());
                assertEquals(hitsBefore, network.backendHits(), "the replay must not reach the backend");
            }
        }
    }
}
