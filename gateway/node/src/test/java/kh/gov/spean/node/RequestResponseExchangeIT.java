package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;

/** The whole synchronous exchange through two real nodes, real Kafka and the Interior backend's WireMock mock. */
class RequestResponseExchangeIT {

    @TempDir
    static Path data;
    static TestNetwork network;
    static ConnectorExample match;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20));
        match = ConnectorExample.read("moi-id-registry", "match");
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void a_ministry_gets_the_providers_answer_with_the_x_road_headers() throws Exception {
        int hitsBefore = network.backendHits();

        HttpResponse<String> response = network.call(network.mef(), match.client(), match.service(), match.request());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject body = ConnectorExample.parse(response.body());
        match.expectedBody().forEach((field, value) -> assertEquals(value, body.get(field), field));
        String xRoadId = response.headers().firstValue("X-Road-Id").orElseThrow();
        String requestHash = response.headers().firstValue("X-Road-Request-Hash").orElseThrow();
        assertEquals(64, Digests.fromBase64(requestHash).length, "SHA-512");
        assertEquals(36, xRoadId.length());
        assertEquals(1, network.backendHits() - hitsBefore);
    }

    @Test
    void every_example_of_the_interior_connector_gets_its_expected_answer() throws Exception {
        for (String name : new String[] {"match", "no-match", "deceased"}) {
            ConnectorExample example = ConnectorExample.read("moi-id-registry", name);
            HttpResponse<String> response = network.call(network.mef(), example.client(), example.service(), example.request());
            assertEquals(example.expectedStatus(), response.statusCode(), name + ": " + response.body());
            JsonObject body = ConnectorExample.parse(response.body());
            example.expectedBody().forEach((field, value) -> assertEquals(value, body.get(field), name + " " + field));
        }
    }

    @Test
    void the_provider_commits_its_inbox_offsets_once_the_records_are_handled() throws Exception {
        HttpResponse<String> response = network.call(network.mef(), match.client(), match.service(), match.request());
        assertEquals(200, response.statusCode(), response.body());
        String topic = kh.gov.spean.node.kafka.Topics.inbox(TestNetwork.MOI);
        try (Admin admin = Admin.create(KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(),
                KafkaSettings.DEFAULT_MAX_RECORD_BYTES).adminProperties())) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            long uncommitted;
            do {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("spean-node-KH.GOV.MOI")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                uncommitted = 0;
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    uncommitted += end.getValue().offset() - (done == null ? 0 : done.offset());
                }
            } while (uncommitted > 0 && System.nanoTime() < deadline);
            assertEquals(0, uncommitted, "records of the provider's inbox left uncommitted after they were handled");
        }
    }

    @Test
    void the_backend_receives_the_plain_request_with_the_x_road_headers_and_no_kafka_headers() throws Exception {
        network.backend().resetRequests();
        HttpResponse<String> response = network.call(network.mef(), match.client(), match.service(), match.request());
        assertEquals(200, response.statusCode(), response.body());

        var served = network.backend().getAllServeEvents().get(0).getRequest();
        assertEquals(ConnectorExample.parse(match.request()), ConnectorExample.parse(served.getBodyAsString()));
        assertEquals(match.client(), served.getHeader("X-Road-Client"));
        assertEquals(response.headers().firstValue("X-Road-Id").orElseThrow(), served.getHeader("X-Road-Id"));
        assertTrue(served.getHeaders().keys().stream().noneMatch(name -> name.toLowerCase().startsWith("kafka")),
                () -> "headers leaked to the backend: " + served.getHeaders().keys());
    }
}
