package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.SecretFiles;

/**
 * The operator's way, each step the command a person runs: {@code spean kafka --authentication}, {@code spean kafka
 * acls --apply} with the administrator's settings it wrote, registering each member's login from its password file, and two {@code spean
 * gateway} processes logged in with {@code --kafka-password-file} exchange a call; a node without a login cannot start.
 */
class KafkaLoginIT {

    @Test
    void nodes_logged_in_as_their_members_exchange_through_a_broker_with_acls(@TempDir Path data) throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path kafka = data.resolve("kafka");
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        try (NodeProcess broker = NodeProcess.broker(data.resolve("kafka.log"), "--data", kafka.toString(),
                "--port", Integer.toString(port), "--authentication")) {
            Path adminProperties = kafka.resolve(KafkaCommand.ADMIN_PROPERTIES);
            Map<String, Path> passwordFiles = Map.of("KH/GOV/MOI", data.resolve("moi.kafka-password"),
                    "KH/GOV/MEF", data.resolve("mef.kafka-password"));
            for (Path file : passwordFiles.values()) {
                SecretFiles.write(file, SecretFiles.randomSecret() + "\n");
            }
            assertEquals(0, CommandRun.of("kafka", "acls", "--data", data.toString(), "--apply", "--kafka-bootstrap",
                    broker.readyAt(), "--kafka-config", adminProperties.toString(),
                    "--member-password-file", "KH/GOV/MOI=" + passwordFiles.get("KH/GOV/MOI"),
                    "--member-password-file", "KH/GOV/MEF=" + passwordFiles.get("KH/GOV/MEF")).exit());

            try (NodeProcess moi = NodeProcess.start(data.resolve("moi.log"), NodeProcess.withBackendTls(data, "--member",
                    "KH/GOV/MOI", "--data", data.toString(), "--http-port", "0", "--kafka-bootstrap", broker.readyAt(),
                    "--kafka-password-file", passwordFiles.get("KH/GOV/MOI").toString(),
                    "--backend", "moi-id-registry=" + TestNetwork.baseUrl(idRegistry)));
                 NodeProcess mef = NodeProcess.start(data.resolve("mef.log"), NodeProcess.withBackendTls(data, "--member",
                         "KH/GOV/MEF", "--data", data.toString(), "--http-port", "0", "--kafka-bootstrap",
                         broker.readyAt(), "--kafka-password-file", passwordFiles.get("KH/GOV/MEF").toString()))) {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(mef.baseUri() + "/r1/" + RequestResponseLoad.SERVICE))
                        .header("Content-Type", "application/json").header("X-Road-Client", RequestResponseLoad.CLIENT)
                        .header("X-Spean-Purpose", TestNetwork.VERIFY_CITIZEN_PURPOSE).header("X-Road-UserId", TestNetwork.OFFICIAL)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"nationalId\":\"020304050\",\"fullNameEn\":\"Chan Sophea\","
                                + "\"dateOfBirth\":\"1985-07-14\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
            }

            // Interior's node with Economy and Finance's password: Kafka refuses the login, and the node does not start.
            Path wrong = data.resolve("wrong.kafka-password");
            Files.copy(passwordFiles.get("KH/GOV/MEF"), wrong);
            // A node that wrongly started would serve until stopped: the deadline turns that into a failure.
            CommandRun impostor = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CommandRun.of(
                    NodeProcess.withBackendTls(data, "gateway", "--member", "KH/GOV/MOI", "--data", data.toString(),
                            "--http-port", "0", "--kafka-bootstrap", broker.readyAt(), "--kafka-password-file",
                            wrong.toString())));
            assertEquals(2, impostor.exit(), impostor.errors());
            assertTrue(impostor.errors().contains("Authentication failed"), impostor.errors());
        } finally {
            idRegistry.stop();
        }
    }
}
