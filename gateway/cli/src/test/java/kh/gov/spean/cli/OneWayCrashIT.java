package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void each_one_way_message_reaches_the_backend_once_across_a_kill_and_restart_of_the_provider(@TempDir Path data)
            throws Exception {
        Path root = SpeanHome.root();
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        OneWayTraffic traffic = new OneWayTraffic(root);
        WireMockServer blocklist = OneWayTraffic.blocklist(root, data);
        String[] provider = NodeProcess.withBackendTls(data, "--member", "KH/GOV/MPTC", "--data", data.toString(),
                "--http-port", "0", "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(),
                "--backend", "mptc-web-blocklist=" + TestNetwork.baseUrl(blocklist), "--checkpoint-every", "10");
        Path providerLog = data.resolve("mptc-node.log");
        NodeProcess mptc = NodeProcess.start(providerLog, provider);
        GatewayNode moi = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MOI, data, root, Duration.ofSeconds(20), Map.of())
                .withRetryDelay(Duration.ofMillis(300)), Clock.systemUTC());
        try {
            URI client = moi.baseUri();
            List<String> beforeKill = traffic.send(client, 10);
            for (String id : beforeKill) {
                await().atMost(Duration.ofSeconds(30)).until(() -> traffic.delivered(client, id));
            }

            mptc.kill();
            List<String> whileDown = traffic.send(client, 10);
            String last = whileDown.get(whileDown.size() - 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.status(client, last).getInt("attempts") >= 2);
            mptc = NodeProcess.start(providerLog, provider);

            List<String> all = new ArrayList<>(beforeKill);
            all.addAll(whileDown);
            for (String id : all) {
                await().atMost(Duration.ofSeconds(60)).until(() -> traffic.delivered(client, id));
            }
            int published = 0;
            for (String id : all) {
                published += traffic.status(client, id).getInt("attempts");
            }
            OneWayTraffic.Counts counts = OneWayTraffic.count(blocklist, all);
            counts.print("a provider kill", published);
            assertEquals(0, counts.lost());
            assertEquals(0, counts.deliveredTwice());
            assertTrue(published > all.size(), "the client's node retried while the provider was down");
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
        OneWayTraffic traffic = new OneWayTraffic(root);
        WireMockServer blocklist = OneWayTraffic.blocklist(root, data);
        GatewayNode mptc = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MPTC, data, root, Duration.ofSeconds(20),
                Map.of("mptc-web-blocklist", TestNetwork.baseUrl(blocklist))), Clock.systemUTC());
        String[] client = NodeProcess.withBackendTls(data, "--member", "KH/GOV/MOI", "--data", data.toString(),
                "--http-port", "0", "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(), "--retry-delay-ms", "300",
                "--checkpoint-every", "10");
        Path clientLog = data.resolve("moi-node.log");
        NodeProcess moi = NodeProcess.start(clientLog, client);
        try {
            List<String> accepted = traffic.send(moi.baseUri(), 20);
            moi.kill();
            moi = NodeProcess.start(clientLog, client);

            URI restarted = moi.baseUri();
            for (String id : accepted) {
                await().atMost(Duration.ofSeconds(60)).until(() -> traffic.delivered(restarted, id));
            }
            OneWayTraffic.Counts counts = OneWayTraffic.count(blocklist, accepted);
            counts.print("a client kill", 0);
            assertEquals(0, counts.lost());
            assertEquals(0, counts.deliveredTwice());
        } finally {
            moi.close();
            mptc.close();
            blocklist.stop();
        }
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MPTC/log").toString(),
                "--log", data.resolve("KH.GOV.MOI/log").toString()));
    }
}
