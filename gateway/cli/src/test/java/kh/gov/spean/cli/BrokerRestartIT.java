package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.TestNetwork;

/**
 * The Kafka broker — a separate JVM — is killed with SIGKILL while one-way messages keep arriving, and started again
 * on the same data: the nodes keep answering 202 (what they accept is on their disk), reconnect on their own, and
 * every accepted message reaches the backend once.
 */
class BrokerRestartIT {

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
        OneWayTraffic traffic = new OneWayTraffic(root);
        WireMockServer blocklist = OneWayTraffic.blocklist(root, data);
        GatewayNode mptc = node("KH/GOV/MPTC", data, root, broker.readyAt(),
                Map.of("mptc-web-blocklist", TestNetwork.baseUrl(blocklist)));
        GatewayNode moi = node("KH/GOV/MOI", data, root, broker.readyAt(), Map.of());
        try {
            URI client = moi.baseUri();
            List<String> accepted = new ArrayList<>(traffic.send(client, 10));
            for (String id : accepted) {
                await().atMost(Duration.ofSeconds(30)).until(() -> traffic.delivered(client, id));
            }

            broker.kill();
            accepted.addAll(traffic.send(client, 10));
            broker = NodeProcess.broker(brokerLog, brokerArguments);

            for (String id : accepted) {
                await().atMost(Duration.ofSeconds(90)).until(() -> traffic.delivered(client, id));
            }
            OneWayTraffic.Counts counts = OneWayTraffic.count(blocklist, accepted);
            counts.print("a broker kill", 0);
            assertEquals(0, counts.lost());
            assertEquals(0, counts.deliveredTwice());
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
        return GatewayNode.start(TestNetwork.plainHttpSettings(MemberId.parse(member), data, root, Duration.ofSeconds(20),
                backends).withKafka(bootstrap, Map.of()).withRetryDelay(Duration.ofMillis(500)), Clock.systemUTC());
    }
}
