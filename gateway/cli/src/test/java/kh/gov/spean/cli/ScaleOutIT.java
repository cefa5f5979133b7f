package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogTail;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.SharedKafkaBroker;

/**
 * A member runs two nodes, each with its own disk and message log.
 *
 * <p>Serving: Interior runs two nodes — separate JVMs, each with its own disk and its own message log — that share its inbox as
 * one Kafka consumer group. Under load one is killed with SIGKILL: once its session times out, the other takes its
 * partitions and reads again what the killed node had not committed. A request the killed node had already claimed
 * for its backend is refused by the survivor as a replay (the member's nodes share what they delivered): no request
 * reaches the backend twice, and only the calls in flight at the kill fail, with a timeout.
 *
 * <p>Calling: Economy and Finance calls through two nodes at once; every answer is taken by the node whose caller
 * waits for it (the request's record names it, and each node reads all of its member's answers).
 */
class ScaleOutIT {

    private static final int CALLERS = 4;

    @Test
    void two_nodes_of_a_member_share_its_inbox_and_one_takes_over_when_the_other_is_killed(@TempDir Path data,
                                                                                          @TempDir Path secondDisk)
            throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        copy(data, secondDisk);
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        String backend = "moi-id-registry=" + TestNetwork.baseUrl(idRegistry);
        NodeProcess first = NodeProcess.start(data.resolve("moi-node-1.log"), NodeProcess.withBackendTls(data,
                "--member", "KH/GOV/MOI", "--data", data.toString(), "--node-name", "node-1", "--http-port", "0",
                "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(), "--backend", backend, "--checkpoint-every", "50"));
        NodeProcess second = NodeProcess.start(secondDisk.resolve("moi-node-2.log"), NodeProcess.withBackendTls(data,
                "--member", "KH/GOV/MOI", "--data", secondDisk.toString(), "--node-name", "node-2", "--http-port", "0",
                "--kafka-bootstrap", SharedKafkaBroker.bootstrapServers(), "--backend", backend, "--checkpoint-every", "50"));
        GatewayNode mef = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MEF, data, SpeanHome.root(),
                Duration.ofSeconds(30), Map.of()), Clock.systemUTC());
        RequestResponseLoad.Counts counts;
        try (RequestResponseLoad load = RequestResponseLoad.start(mef.baseUri(), CALLERS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 60);
            first.kill();
            int answeredAtKill = load.answered();
            await().atMost(Duration.ofSeconds(90)).until(() -> load.answered() >= answeredAtKill + 60);
            counts = load.stop(idRegistry);
        } finally {
            mef.close();
            first.close();
            second.close();
            idRegistry.stop();
        }
        counts.print("a kill of one of a member's two nodes");
        long servedByFirst = deliveries(data);
        long servedBySecond = deliveries(secondDisk);
        System.out.printf("scale-out: node-1 handed %d requests to the backend before it was killed, node-2 %d%n",
                servedByFirst, servedBySecond);
        assertTrue(servedByFirst > 0 && servedBySecond > 0, "both nodes served: " + servedByFirst + ", " + servedBySecond);
        // A call the killed node had claimed is not served again by the other (decision 0034): its caller times out.
        assertTrue(counts.failedByCode().keySet().stream().allMatch("server.timeout"::equals)
                && counts.failedByCode().values().stream().mapToInt(Integer::intValue).sum() <= CALLERS,
                "only calls in flight at the kill fail, with a timeout: " + counts.failedByCode());
        assertEquals(0, counts.answeredButNotDelivered());
        assertEquals(0, counts.answeredWrongly());
        assertEquals(0, counts.deliveredTwice(), "no request reaches the backend twice");
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MOI/log").toString(),
                "--log", secondDisk.resolve("KH.GOV.MOI/log").toString(), "--log", data.resolve("KH.GOV.MEF/log").toString()));
    }

    @Test
    void each_answer_reaches_the_node_whose_caller_waits_when_a_member_calls_through_two_nodes(@TempDir Path data,
                                                                                              @TempDir Path secondDisk)
            throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        copy(data, secondDisk);
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        GatewayNode moi = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MOI, data, SpeanHome.root(),
                Duration.ofSeconds(10), Map.of("moi-id-registry", TestNetwork.baseUrl(idRegistry))),
                Clock.systemUTC());
        GatewayNode first = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MEF, data, SpeanHome.root(),
                Duration.ofSeconds(10), Map.of()), Clock.systemUTC());
        GatewayNode second = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MEF, secondDisk, SpeanHome.root(),
                Duration.ofSeconds(10), Map.of()).withNodeName("node-2"), Clock.systemUTC());
        RequestResponseLoad.Counts throughFirst;
        RequestResponseLoad.Counts throughSecond;
        try (RequestResponseLoad one = RequestResponseLoad.start(first.baseUri(), 2);
             RequestResponseLoad other = RequestResponseLoad.start(second.baseUri(), 2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> one.answered() >= 40 && other.answered() >= 40);
            throughFirst = one.stop(idRegistry);
            throughSecond = other.stop(idRegistry);
        } finally {
            first.close();
            second.close();
            moi.close();
            idRegistry.stop();
        }
        throughFirst.print("two nodes of the calling member, through node-1");
        throughSecond.print("two nodes of the calling member, through node-2");
        for (RequestResponseLoad.Counts counts : List.of(throughFirst, throughSecond)) {
            assertEquals(Map.of(), counts.failedByCode(), "no answer went to the other node");
            assertEquals(0, counts.answeredWrongly());
            assertEquals(0, counts.deliveredTwice());
        }
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MEF/log").toString(),
                "--log", secondDisk.resolve("KH.GOV.MEF/log").toString(), "--log", data.resolve("KH.GOV.MOI/log").toString()));
    }

    /** How many requests the node whose disk is {@code data} handed to Interior's backend, from its own log. */
    private static long deliveries(Path data) throws IOException {
        return LogTail.since(new LogFiles(data.resolve("KH.GOV.MOI/log")), Instant.EPOCH).stream()
                .filter(entry -> LogEntryKind.DELIVERED.wireName().equals(entry.kind())).count();
    }

    /** A second node's disk: the same federation files and member keys, nothing else. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
