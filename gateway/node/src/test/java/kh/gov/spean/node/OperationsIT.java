package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.node.management.Role;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.kafka.Topics;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.operations.ConsumerLag;

/**
 * What operators poll: /metrics counts calls by service, client and outcome and shows the consumer lag; /monitoring
 * keeps each call's operational record; /health says what is down.
 */
class OperationsIT {


    @Test
    void metrics_count_calls_by_outcome_and_health_is_up_when_log_and_kafka_are(@TempDir Path data) throws Exception {
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20))) {
            ConnectorExample match = ConnectorExample.read("moi-id-registry", "match");
            assertEquals(200, network.call(network.mef(), match.client(), match.service(), match.request()).statusCode());
            assertEquals(400, network.call(network.mef(), match.client(), match.service(), "{\"nationalId\":\"x\"}").statusCode());

            HttpResponse<String> metrics = get(network.mef(), "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
            String text = metrics.body();
            assertTrue(text.contains("spean_exchanges_seconds_count{client=\"KH/GOV/MEF/BUSINESS-REGISTRY\",member=\"KH/GOV/MEF\","
                    + "outcome=\"ok\",service=\"KH/GOV/MOI/ID-REGISTRY/verifyCitizen\"} 1"), text);
            assertTrue(text.contains("outcome=\"client.schema_invalid\""), text);
            assertTrue(text.contains("spean_rejections_total{code=\"client.schema_invalid\""), text);
            assertTrue(text.contains("spean_exchanges_seconds_bucket{"), "a latency histogram: " + text);
            assertTrue(text.contains("spean_log_entries{member=\"KH/GOV/MEF\"}"), text);
            assertTrue(get(network.moi(), "/metrics").body().contains("spean_deliveries_total{"), "the provider counts hand-offs");
            // The GC binder's pause timer appears only after a collection; its allocation counter is there from the start.
            for (String binder : List.of("jvm_memory_used_bytes{", "jvm_gc_memory_allocated_bytes_total{", "jvm_threads_live_threads{",
                    "jvm_classes_loaded_classes{", "process_cpu_usage{", "system_cpu_count{", "process_uptime_seconds{",
                    "process_files_open_files{", "kafka_producer_record_send_total{", "kafka_consumer_fetch_manager_records_consumed_total{")) {
                assertTrue(text.contains(binder), "Micrometer's binders report " + binder + ": " + text);
            }

            JsonObject monitoring = ConnectorExample.parse(get(network.mef(), "/monitoring?member=KH/GOV/MOI").body());
            var records = monitoring.getJsonArray("records").stream().map(JsonValue::asJsonObject).toList();
            assertEquals(2, records.size(), monitoring.toString());
            JsonObject answered = records.get(0);
            assertEquals("ok", answered.getString("outcome"));
            assertTrue(answered.containsKey("requestOutTs") && answered.containsKey("responseInTs"), answered.toString());
            assertTrue(answered.getJsonNumber("requestSize").longValue() > 0 && answered.getJsonNumber("responseSize").longValue() > 0);
            assertEquals("client.schema_invalid", records.get(1).getString("outcome"));
            assertTrue(!records.get(1).containsKey("requestOutTs"), "a refused call never left the node");
            assertEquals(0, ConnectorExample.parse(get(network.mef(), "/monitoring?member=KH/GOV/MPTC").body())
                    .getJsonArray("records").size());

            HttpResponse<String> health = get(network.mef(), "/health");
            assertEquals(200, health.statusCode(), health.body());
            JsonObject checks = ConnectorExample.parse(health.body()).getJsonObject("checks");
            assertEquals("UP", checks.getString("log"));
            assertEquals("UP", checks.getString("kafka"));
            assertEquals(200, get(network.mef(), "/health/live").statusCode());
        }
    }

    @Test
    void health_turns_red_naming_an_unreachable_timestamp_authority(@TempDir Path data) throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:9/tsa");
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20),
                settings -> settings.withTimestampAuthority(nowhere), TestNetwork.MOI)) {
            HttpResponse<String> health = get(network.moi(), "/health");

            assertEquals(503, health.statusCode(), health.body());
            JsonObject answer = ConnectorExample.parse(health.body());
            assertEquals("DOWN", answer.getString("status"));
            assertTrue(answer.getJsonObject("checks").getString("timestampAuthority").startsWith("DOWN"), health.body());
            assertEquals("UP", answer.getJsonObject("checks").getString("kafka"));
            assertEquals(200, get(network.moi(), "/health/live").statusCode(), "alive, though not ready");
        }
    }

    @Test
    void records_waiting_in_a_stopped_nodes_inbox_show_as_consumer_lag_until_it_takes_them(@TempDir Path data)
            throws Exception {
        KafkaSettings kafka = KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
        String inbox = Topics.inbox(TestNetwork.MOI);
        String group = Topics.inboxGroup(TestNetwork.MOI);
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20), UnaryOperator.identity(), TestNetwork.MOI);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lagOf(kafka, group, inbox) == 0);
            network.stop(TestNetwork.MOI);
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(inbox, ("waiting " + i).getBytes(StandardCharsets.UTF_8))).get();
            }
            assertEquals(3, lagOf(kafka, group, inbox), "three records wait for the stopped node");

            GatewayNode restarted = network.restart(TestNetwork.MOI);
            await().atMost(Duration.ofSeconds(30)).until(() -> get(restarted, "/metrics").body()
                    .contains("spean_consumer_lag_records{member=\"KH/GOV/MOI\",topic=\"" + inbox + "\"} 0.0"));
        }
    }

    /** The lag measured afresh (a ConsumerLag keeps a measurement for a few seconds). */
    private static double lagOf(KafkaSettings kafka, String group, String topic) {
        try (ConsumerLag lag = new ConsumerLag(kafka, Clock.systemUTC())) {
            return lag.records(group, topic);
        }
    }

    private HttpResponse<String> get(GatewayNode node, String path) throws Exception {
        return ManagementAccess.to(node).get(Role.OPERATOR, path);
    }
}
