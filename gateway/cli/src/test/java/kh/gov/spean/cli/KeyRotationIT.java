package kh.gov.spean.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogTail;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.TestNetwork;

/**
 * Interior rotates its keys with {@code spean federation rotate-keys} while messages are in flight both ways: calls
 * from Economy and Finance keep coming (sealed to Interior's old encryption key, then to its new one, which its
 * running node finds in its keystore), and one-way reports Interior signed with its old key wait for the blocklist's
 * node, which starts only after the rotation. Nothing fails, nothing is lost or delivered twice; restarted, Interior's
 * node signs with its new key, and every log verifies.
 */
class KeyRotationIT {

    @Test
    void a_member_rotates_its_keys_without_losing_a_message_in_flight(@TempDir Path data) throws Exception {
        Path root = SpeanHome.root();
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        WireMockServer idRegistry = RequestResponseLoad.idRegistry(data);
        WireMockServer blocklist = OneWayTraffic.blocklist(root, data);
        OneWayTraffic reports = new OneWayTraffic(root);
        NodeSettings interior = TestNetwork.plainHttpSettings(TestNetwork.MOI, data, root, Duration.ofSeconds(10),
                Map.of("moi-id-registry", TestNetwork.baseUrl(idRegistry))).withRetryDelay(Duration.ofMillis(300));
        GatewayNode moi = GatewayNode.start(interior, Clock.systemUTC());
        GatewayNode mef = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MEF, data, root, Duration.ofSeconds(10),
                Map.of()), Clock.systemUTC());
        GatewayNode mptc = null;
        try {
            RequestResponseLoad.Counts counts;
            List<String> signedWithTheOldKey;
            try (RequestResponseLoad load = RequestResponseLoad.start(mef.baseUri(), 2)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 10);
                signedWithTheOldKey = reports.send(moi.baseUri(), 10);

                Instant before = moi.federation().issuedAt();
                CommandRun rotate = CommandRun.of("federation", "rotate-keys", "--data", data.toString(),
                        "--member", "KH/GOV/MOI");
                assertEquals(0, rotate.exit(), rotate.output() + rotate.errors());
                GatewayNode economy = mef;
                GatewayNode interiorBefore = moi;
                await().atMost(Duration.ofSeconds(30)).until(() -> economy.federation().issuedAt().isAfter(before)
                        && interiorBefore.federation().issuedAt().isAfter(before));
                int answeredAtAdoption = load.answered();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= answeredAtAdoption + 20);

                mptc = GatewayNode.start(TestNetwork.plainHttpSettings(TestNetwork.MPTC, data, root, Duration.ofSeconds(10),
                        Map.of("mptc-web-blocklist", TestNetwork.baseUrl(blocklist))), Clock.systemUTC());
                URI client = moi.baseUri();
                for (String id : signedWithTheOldKey) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> reports.delivered(client, id));
                }
                counts = load.stop(idRegistry);
            }
            counts.print("a key rotation of the provider");
            assertEquals(0, counts.failedByCode().size(), "no call failed: " + counts.failedByCode());
            assertEquals(0, counts.deliveredTwice());
            assertEquals(0, counts.answeredWrongly());

            moi.close();
            moi = GatewayNode.start(interior, Clock.systemUTC());
            List<String> signedWithTheNewKey = reports.send(moi.baseUri(), 5);
            URI restarted = moi.baseUri();
            for (String id : signedWithTheNewKey) {
                await().atMost(Duration.ofSeconds(60)).until(() -> reports.delivered(restarted, id));
            }
            HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(mef.baseUri() + "/r1/" + RequestResponseLoad.SERVICE))
                    .header("Content-Type", "application/json").header("X-Road-Client", RequestResponseLoad.CLIENT)
                    .header("X-Spean-Purpose", TestNetwork.VERIFY_CITIZEN_PURPOSE).header("X-Road-UserId", TestNetwork.OFFICIAL)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"nationalId\":\"020304050\",\"fullNameEn\":\"Chan Sophea\","
                            + "\"dateOfBirth\":\"1985-07-14\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answered.statusCode(), answered.body());

            List<String> all = new ArrayList<>(signedWithTheOldKey);
            all.addAll(signedWithTheNewKey);
            OneWayTraffic.Counts oneWay = OneWayTraffic.count(blocklist, all);
            oneWay.print("a key rotation of the sender", 0);
            assertEquals(0, oneWay.lost());
            assertEquals(0, oneWay.deliveredTwice());
            assertEquals(1, moi.federation().member(TestNetwork.MOI).orElseThrow().previousSigningCertificates().size());
            Map<String, String> signerOf = new HashMap<>();
            for (LogEntry entry : LogTail.since(new LogFiles(data.resolve("KH.GOV.MOI/log")), Instant.EPOCH)) {
                if (LogEntryKind.SENT.wireName().equals(entry.kind())) {
                    signerOf.put(entry.envelopeId(), entry.signer());
                }
            }
            Set<String> oldSigners = signedWithTheOldKey.stream().map(signerOf::get).collect(Collectors.toSet());
            Set<String> newSigners = signedWithTheNewKey.stream().map(signerOf::get).collect(Collectors.toSet());
            assertEquals(1, oldSigners.size(), "before the restart, one key signed: " + oldSigners);
            assertEquals(1, newSigners.size(), "after it, one key signed: " + newSigners);
            assertNotEquals(oldSigners, newSigners, "the restarted node signs with the new key");
        } finally {
            moi.close();
            mef.close();
            if (mptc != null) {
                mptc.close();
            }
            idRegistry.stop();
            blocklist.stop();
        }
        assertEquals(0, SpeanCommand.execute("audit", "verify", "--log", data.resolve("KH.GOV.MOI/log").toString(),
                "--log", data.resolve("KH.GOV.MEF/log").toString(), "--log", data.resolve("KH.GOV.MPTC/log").toString()));
    }
}
