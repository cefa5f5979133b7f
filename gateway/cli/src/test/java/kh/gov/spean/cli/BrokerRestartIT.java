package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.ServerSocket;
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
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.NodeSettings;

/**
 * The Kafka broker — a separate JVM — is killed with SIGKILL while one-way messages keep arriving, and started again
 * on the same data: the nodes keep answering 202 (what they accept is on their disk), reconnect on their own, and
 * every accepted message reaches the backend once.
 */
class BrokerRestartIT {

    static final String SERVICE = "KH/GOV/MPTC/WEB-BLOCKLIST/reportScamSite";
    static final String CLIENT = "KH/GOV/MOI/ANTI-SCAM";

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void accepted_messages_are_delivered_once_across_a_broker_kill_and_restart(@TempDir Path data) throws Exception {
        Path root = SpeanHome.root();
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String[] brokerArguments = {"--data", data.resolve("kafka").toString(), "--port", Integer.toString(port)};
        Path brokerLog = data.resolve("kafka.log");
        NodeProcess broker = NodeProcess.broker(brokerLog, brokerArguments);
        WireMockServer blocklist = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(root.resolve("connectors/mptc-web-blocklist/wiremock").toString())
                .globalTemplating(true));
        blocklist.start();
        GatewayNode mptc = node("KH/GOV/MPTC", data, root, broker.readyAt(),
                Map.of("mptc-web-blocklist", "http://127.0.0.1:" + blocklist.port()));
        GatewayNode moi = node("KH/GOV/MOI", data, root, broker.readyAt(), Map.of());
        try {
            String body = reportBody(root);
            List<String> accepted = new ArrayList<>(send(moi, body, 10));
            for (String id : accepted) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(state(moi, id)));
            }

            broker.kill();
            accepted.addAll(send(moi, body, 10));
            broker = NodeProcess.broker(brokerLog, brokerArguments);

            for (String id : accepted) {
                await().atMost(Duration.ofSeconds(90)).until(() -> "delivered".equals(state(moi, id)));
            }
            int deliveredTwice = 0;
            int lost = 0;
            for (String id : accepted) {
                long deliveries = blocklist.getAllServeEvents().stream()
                        .filter(event -> id.equals(event.getRequest().getHeader("X-Road-Id"))).count();
                deliveredTwice += deliveries > 1 ? 1 : 0;
                lost += deliveries == 0 ? 1 : 0;
            }
            System.out.printf("one-way across a broker kill: sent %d, accepted %d, delivered %d, delivered twice %d, lost %d%n",
                    accepted.size(), accepted.size(), accepted.size() - lost, deliveredTwice, lost);
            assertEquals(0, lost);
            assertEquals(0, deliveredTwice);
        } finally {
            moi.close();
            mptc.close();
            blocklist.stop();
            broker.close();
        }
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MPTC/log").toString(),
                "--log", data.resolve("KH.GOV.MOI/log").toString()));
    }

    private static GatewayNode node(String member, Path data, Path root, String bootstrap, Map<String, String> backends) {
        return GatewayNode.start(NodeSettings.defaults(MemberId.parse(member), data, bootstrap, root).withHttpPort(0)
                .withBackends(backends).withRetryDelay(Duration.ofMillis(500)), Clock.systemUTC());
    }

    private static String reportBody(Path root) throws Exception {
        String report = Files.readString(root.resolve("connectors/mptc-web-blocklist/examples/report-phishing.json"));
        try (JsonReader reader = Json.createReader(new StringReader(report))) {
            return reader.readObject().getJsonObject("request").toString();
        }
    }

    private List<String> send(GatewayNode node, String body, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(node.baseUri() + "/r1/" + SERVICE))
                    .header("Content-Type", "application/json").header("X-Road-Client", CLIENT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            ids.add(accepted.headers().firstValue("X-Road-Id").orElseThrow());
        }
        return ids;
    }

    private String state(GatewayNode node, String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.baseUri() + "/messages/" + id))
                .header("X-Road-Client", CLIENT).GET().build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject status = reader.readObject();
            return status.getString("state");
        }
    }
}
