package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;

/**
 * Nodes talk to Kafka over TLS when told to with {@code --kafka-config}: the TLS material comes from
 * {@code deploy/kafka-tls.sh} (as the compose cluster's does), the broker accepts TLS only, two node processes
 * exchange a verifyCitizen call through it, and a client without TLS gets nowhere.
 */
class KafkaTlsIT {

    @Test
    void nodes_exchange_through_a_broker_that_speaks_tls_only(@TempDir Path data, @TempDir Path tls) throws Exception {
        ProcessBuilder tlsScript = new ProcessBuilder("bash", SpeanHome.root().resolve("deploy/kafka-tls.sh").toString(),
                tls.toString(), "localhost").redirectErrorStream(true);
        tlsScript.environment().put("KEYTOOL", Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        Process script = tlsScript.start();
        script.getOutputStream().close();
        String said = new String(script.getInputStream().readAllBytes());
        assertEquals(0, script.waitFor(), said);
        String password = Files.readString(tls.resolve("password"));
        Map<String, String> brokerTls = Map.of(
                "ssl.keystore.type", "PKCS12", "ssl.keystore.location", tls.resolve("localhost.p12").toString(),
                "ssl.keystore.password", password,
                "ssl.truststore.type", "PKCS12", "ssl.truststore.location", tls.resolve("truststore.p12").toString(),
                "ssl.truststore.password", password);
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startWithTls(data.resolve("kafka"), brokerTls);
             NodeProcess moi = NodeProcess.start(data.resolve("moi.log"), NodeProcess.withBackendTls(data, "--member", "KH/GOV/MOI", "--data",
                     data.toString(), "--http-port", "0", "--kafka-bootstrap", broker.bootstrapServers(),
                     "--kafka-config", tls.resolve("client.properties").toString(),
                     "--backend", "moi-id-registry=" + TestNetwork.baseUrl(idRegistry)));
             NodeProcess mef = NodeProcess.start(data.resolve("mef.log"), NodeProcess.withBackendTls(data, "--member", "KH/GOV/MEF",
                     "--data", data.toString(), "--http-port", "0", "--kafka-bootstrap", broker.bootstrapServers(),
                     "--kafka-config", tls.resolve("client.properties").toString()))) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(mef.baseUri() + "/r1/" + RequestResponseLoad.SERVICE))
                    .header("Content-Type", "application/json").header("X-Road-Client", RequestResponseLoad.CLIENT)
                    .header("X-Spean-Purpose", TestNetwork.VERIFY_CITIZEN_PURPOSE).header("X-Road-UserId", TestNetwork.OFFICIAL)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"nationalId\":\"020304050\",\"fullNameEn\":\"Chan Sophea\","
                            + "\"dateOfBirth\":\"1985-07-14\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());

            Properties plaintext = new Properties();
            plaintext.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            plaintext.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
            plaintext.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
            try (Admin withoutTls = Admin.create(plaintext)) {
                assertThrows(ExecutionException.class, () -> withoutTls.describeCluster().nodes().get(),
                        "a client without TLS is not served");
            }
        } finally {
            idRegistry.stop();
        }
    }
}
