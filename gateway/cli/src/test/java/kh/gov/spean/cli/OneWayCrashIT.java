package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.SharedKafkaBroker;

/**
 * A one-way message reaches its backend exactly once when a node — a separate JVM — is killed with SIGKILL and
 * started again: the provider's, while the client's node keeps retrying (the messages sent while it is down wait on
 * Kafka, the retries pile up beside them, and after the restart each reaches the blocklist once); and the client's,
 * right after it answered 202 (what it accepted is on its disk, and the restarted node delivers it).
 */
class OneWayCrashIT {

    static final String SERVICE = "KH/GOV/MPTC/WEB-BLOCKLIST/reportScamSite";
    static final String CLIENT = "KH/GOV/MOI/ANTI-SCAM";

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void each_one_way_message_reaches_the_backend_once_across_a_kill_and_restart_of_the_provider(@TempDir Path data)
            throws Exception {
        Path root = SpeanHome.root();
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        WireMockServer blocklist = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(root.resolve("connectors/mptc-web-blocklist/wiremock").toString())
                .globalTemplating(true));
        blocklist.start();
        String[] provider = {"--member", "KH/GOV/MPTC", "--data", data.toString(), "--http-port", "0",
                "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(),
                "--backend", "mptc-web-blocklist=http://127.0.0.1:" + blocklist.port(), "--checkpoint-every", "10"};
        Path providerLog = data.resolve("mptc-node.log");
        NodeProcess mptc = NodeProcess.start(providerLog, provider);
        GatewayNode moi = GatewayNode.start(TestNetwork.settings(TestNetwork.MOI, data, root, Duration.ofSeconds(20), Map.of())
                .withRetryDelay(Duration.ofMillis(300)), Clock.systemUTC());
        try {
            String body = reportBody(root);
            List<String> beforeKill = send(moi, body, 10);
            for (String id : beforeKill) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(state(moi, id).getString("state")));
            }

            mptc.kill();
            List<String> whileDown = send(moi, body, 10);
            String last = whileDown.get(whileDown.size() - 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> state(moi, last).getInt("attempts") >= 2);
            mptc = NodeProcess.start(providerLog, provider);

            List<String> all = new ArrayList<>(beforeKill);
            all.addAll(whileDown);
            for (String id : all) {
                await().atMost(Duration.ofSeconds(60)).until(() -> "delivered".equals(state(moi, id).getString("state")));
            }
            int attempts = 0;
            int deliveredTwice = 0;
            int lost = 0;
            for (String id : all) {
                attempts += state(moi, id).getInt("attempts");
                long deliveries = blocklist.getAllServeEvents().stream()
                        .filter(event -> id.equals(event.getRequest().getHeader("X-Road-Id"))).count();
                deliveredTwice += deliveries > 1 ? 1 : 0;
                lost += deliveries == 0 ? 1 : 0;
            }
            System.out.printf("one-way across a provider kill: sent %d, accepted %d, published %d times, delivered %d,"
                    + " delivered twice %d, lost %d%n", all.size(), all.size(), attempts, all.size() - lost,
                    deliveredTwice, lost);
            assertEquals(0, lost);
            assertEquals(0, deliveredTwice);
            assertTrue(attempts > all.size(), "the client's node retried while the provider was down");
        } finally {
            moi.close();
            mptc.close();
            blocklist.stop();
        }
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MPTC/log").toString(),
                "--log", data.resolve("KH.GOV.MOI/log").toString()));
    }

    @Test
    void every_accepted_message_is_delivered_once_after_the_clients_node_is_killed_right_after_accepting_it(
            @TempDir Path data) throws Exception {
        Path root = SpeanHome.root();
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        WireMockServer blocklist = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(root.resolve("connectors/mptc-web-blocklist/wiremock").toString())
                .globalTemplating(true));
        blocklist.start();
        GatewayNode mptc = GatewayNode.start(TestNetwork.settings(TestNetwork.MPTC, data, root, Duration.ofSeconds(20),
                Map.of("mptc-web-blocklist", "http://127.0.0.1:" + blocklist.port())), Clock.systemUTC());
        String[] client = {"--member", "KH/GOV/MOI", "--data", data.toString(), "--http-port", "0",
                "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(), "--retry-delay-ms", "300",
                "--checkpoint-every", "10"};
        Path clientLog = data.resolve("moi-node.log");
        NodeProcess moi = NodeProcess.start(clientLog, client);
        try {
            String body = reportBody(root);
            List<String> accepted = send(moi.baseUri(), body, 20);
            moi.kill();
            moi = NodeProcess.start(clientLog, client);

            URI restarted = moi.baseUri();
            for (String id : accepted) {
                await().atMost(Duration.ofSeconds(60)).until(() -> "delivered".equals(state(restarted, id).getString("state")));
            }
            int deliveredTwice = 0;
            int lost = 0;
            for (String id : accepted) {
                long deliveries = blocklist.getAllServeEvents().stream()
                        .filter(event -> id.equals(event.getRequest().getHeader("X-Road-Id"))).count();
                deliveredTwice += deliveries > 1 ? 1 : 0;
                lost += deliveries == 0 ? 1 : 0;
            }
            System.out.printf("one-way across a client kill: sent %d, accepted %d, delivered %d, delivered twice %d, lost %d%n",
                    accepted.size(), accepted.size(), accepted.size() - lost, deliveredTwice, lost);
            assertEquals(0, lost);
            assertEquals(0, deliveredTwice);
        } finally {
            moi.close();
            mptc.close();
            blocklist.stop();
        }
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MPTC/log").toString(),
                "--log", data.resolve("KH.GOV.MOI/log").toString()));
    }

    private static String reportBody(Path root) throws Exception {
        String report = Files.readString(root.resolve("connectors/mptc-web-blocklist/examples/report-phishing.json"));
        try (JsonReader reader = Json.createReader(new StringReader(report))) {
            return reader.readObject().getJsonObject("request").toString();
        }
    }

    private List<String> send(GatewayNode node, String body, int count) throws Exception {
        return send(node.baseUri(), body, count);
    }

    private JsonObject state(GatewayNode node, String id) throws Exception {
        return state(node.baseUri(), id);
    }

    private List<String> send(URI node, String body, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(node + "/r1/" + SERVICE))
                    .header("Content-Type", "application/json").header("X-Road-Client", CLIENT)
                    .header("Prefer", "respond-async").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            ids.add(accepted.headers().firstValue("X-Road-Id").orElseThrow());
        }
        return ids;
    }

    private JsonObject state(URI node, String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node + "/messages/" + id))
                .header("X-Road-Client", CLIENT).GET().build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
