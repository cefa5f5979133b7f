package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.SharedKafkaBroker;

/**
 * Request/response under load while a node — a separate JVM — is killed with SIGKILL and started again: the
 * provider's (the calls it was serving and the calls sent while it is down time out with a code; none reaches the
 * backend twice when the restarted node reads its inbox again) and the client's (the calls in flight lose their
 * connection; the provider's answers to them find nobody waiting). Either way every answer was delivered once and
 * belongs to its own call, and every node's log verifies.
 */
class RequestResponseCrashIT {

    private static final int CALLERS = 4;

    @Test
    void no_request_reaches_the_backend_twice_across_a_kill_and_restart_of_the_provider(@TempDir Path data)
            throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        String[] provider = NodeProcess.withBackendTls(data, "--member", "KH/GOV/MOI", "--data", data.toString(),
                "--http-port", "0", "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(),
                "--backend", "moi-id-registry=" + TestNetwork.baseUrl(idRegistry), "--checkpoint-every", "50");
        Path providerLog = data.resolve("moi-node.log");
        NodeProcess moi = NodeProcess.start(providerLog, provider);
        GatewayNode mef = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MEF, data, SpeanHome.root(),
                Duration.ofSeconds(5), Map.of()), Clock.systemUTC());
        RequestResponseLoad.Counts counts;
        try (RequestResponseLoad load = RequestResponseLoad.start(mef.baseUri(), CALLERS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 40);
            int failedBefore = load.failed();
            moi.kill();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.failed() >= failedBefore + CALLERS);
            moi = NodeProcess.start(providerLog, provider);
            int answeredBefore = load.answered();
            await().atMost(Duration.ofSeconds(90)).until(() -> load.answered() >= answeredBefore + 40);
            counts = load.stop(idRegistry);
        } finally {
            mef.close();
            moi.close();
            idRegistry.stop();
        }
        counts.print("a provider kill");
        assertEquals(0, counts.deliveredTwice());
        assertEquals(0, counts.answeredButNotDelivered());
        assertEquals(0, counts.answeredWrongly());
        assertEquals(Set.of("server.timeout"), counts.failedByCode().keySet(), "the only failure is a timeout, coded");
        assertVerifies(data);
    }

    @Test
    void no_request_reaches_the_backend_twice_across_a_kill_and_restart_of_the_client(@TempDir Path data)
            throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        GatewayNode moi = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MOI, data, SpeanHome.root(),
                Duration.ofSeconds(5), Map.of("moi-id-registry", TestNetwork.baseUrl(idRegistry))),
                Clock.systemUTC());
        String[] client = NodeProcess.withBackendTls(data, "--member", "KH/GOV/MEF", "--data", data.toString(),
                "--http-port", "0", "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(), "--request-timeout-ms",
                "5000", "--checkpoint-every", "50");
        Path clientLog = data.resolve("mef-node.log");
        NodeProcess mef = NodeProcess.start(clientLog, client);
        RequestResponseLoad.Counts counts;
        try (RequestResponseLoad load = RequestResponseLoad.start(mef.baseUri(), CALLERS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 40);
            int failedBefore = load.failed();
            mef.kill();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.failed() >= failedBefore + CALLERS);
            mef = NodeProcess.start(clientLog, client);
            load.retarget(mef.baseUri());
            int answeredBefore = load.answered();
            await().atMost(Duration.ofSeconds(90)).until(() -> load.answered() >= answeredBefore + 40);
            counts = load.stop(idRegistry);
        } finally {
            mef.close();
            moi.close();
            idRegistry.stop();
        }
        counts.print("a client kill");
        assertEquals(0, counts.deliveredTwice());
        assertEquals(0, counts.answeredButNotDelivered());
        assertEquals(0, counts.answeredWrongly());
        assertEquals(Set.of(RequestResponseLoad.CONNECTION_LOST), counts.failedByCode().keySet(),
                "the only failures are the calls whose connection the kill broke");
        assertTrue(counts.failedByCode().get(RequestResponseLoad.CONNECTION_LOST) <= CALLERS,
                "only calls in flight at the kill are lost");
        assertVerifies(data);
    }

    private static void assertVerifies(Path data) {
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MOI/log").toString(),
                "--log", data.resolve("KH.GOV.MEF/log").toString()));
    }
}
