package kh.gov.spean.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.kafka.SharedKafkaBroker;

/**
 * What can never be delivered goes to the member's dead-letter topic with its reason and a log entry; {@code spean dlq
 * list} shows it, and {@code spean dlq redrive} sends it again once the cause is fixed — a one-way message refused by
 * its backend, and an event copy its subscriber's backend failed.
 */
class DeadLetterIT {

    static final String ANTI_SCAM = "KH/GOV/MOI/ANTI-SCAM";

    @TempDir
    static Path data;
    static TestNetwork network;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20), settings -> settings.withRetryDelay(Duration.ofMillis(300)),
                TestNetwork.MOI, TestNetwork.MEF, TestNetwork.MPTC);
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void a_one_way_message_refused_by_its_backend_is_set_aside_then_redriven_once_fixed() throws Exception {
        WireMockServer blocklist = network.backend("mptc-web-blocklist");
        StubMapping refusal = blocklist.stubFor(post(urlPathMatching(".*")).atPriority(1)
                .withRequestBody(containing("dead-letter-test.example")).willReturn(aResponse().withStatus(422)));
        String body = "{\"reporterCaseNumber\":\"AS-2026-000777\",\"url\":\"https://dead-letter-test.example/\","
                + "\"domain\":\"dead-letter-test.example\",\"category\":\"phishing\",\"reportedAt\":\"2026-11-24T09:15:00Z\"}";
        HttpResponse<String> accepted = network.http(network.moi(), ANTI_SCAM).send(HttpRequest.newBuilder(URI.create(network.moi().baseUri()
                        + "/r1/KH/GOV/MPTC/WEB-BLOCKLIST/reportScamSite")).header("X-Road-Client", ANTI_SCAM)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = accepted.headers().firstValue("X-Road-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(state(id).getString("state")));

        CommandRun list = dlq("list");
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains(id + "  one-way  server.backend_refused"), list.output());
        assertEquals(1, deadLetteredEntries(network.moi(), id));

        blocklist.removeStubMapping(refusal);
        CommandRun redrive = dlq("redrive", id);
        assertEquals(0, redrive.exit(), redrive.output());

        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(state(id).getString("state")));
        assertEquals(1, responsesWithId(blocklist, id, 202), "accepted once, after the redrive");
        assertTrue(responsesWithId(blocklist, id, 422) >= 1, "refused before it");
    }

    @Test
    void an_event_copy_its_subscriber_could_not_take_is_set_aside_then_redriven_once_fixed() throws Exception {
        WireMockServer caseSystem = network.backend("moi-anti-scam");
        StubMapping failure = caseSystem.stubFor(post(urlPathMatching(".*")).atPriority(1)
                .withRequestBody(containing("MPTC-BLK-2026-0777")).willReturn(aResponse().withStatus(500)));
        String event = "{\"domain\":\"dead-letter-test.example\",\"blockedAt\":\"2026-11-24T11:30:00Z\","
                + "\"category\":\"phishing\",\"orderReference\":\"MPTC-BLK-2026-0777\"}";
        HttpResponse<String> published = network.call(network.node(TestNetwork.MPTC), "KH/GOV/MPTC/WEB-BLOCKLIST",
                "KH/GOV/MPTC/WEB-BLOCKLIST/siteBlocked", event);
        assertEquals(202, published.statusCode(), published.body());
        String copy;
        try (JsonReader reader = Json.createReader(new StringReader(published.body()))) {
            copy = reader.readObject().getJsonArray("copies").stream().map(JsonValue::asJsonObject)
                    .filter(entry -> entry.getString("subscriber").equals(ANTI_SCAM)).findFirst().orElseThrow()
                    .getString("id");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetteredEntries(network.moi(), copy) == 1);
        // The log entry is written before the copy is published to the dead-letter topic: wait for the topic too.
        await().atMost(Duration.ofSeconds(30)).until(() -> dlq("list").output()
                .contains(copy + "  event    server.backend_error"));

        // A 500 is transient: the copy was handed over again in place, a bounded number of times, before it was set aside.
        long handedOver = requestsWithId(caseSystem, copy);
        assertTrue(handedOver > 1, "retried in place before the dead letter: " + handedOver);
        caseSystem.removeStubMapping(failure);
        assertEquals(0, dlq("redrive", copy).exit());

        await().atMost(Duration.ofSeconds(30)).until(() -> requestsWithId(caseSystem, copy) == handedOver + 1);
        assertEquals(1, responsesWithId(caseSystem, copy, 204), "taken once, after the redrive");
    }

    @Test
    void an_unknown_dead_letter_cannot_be_redriven() {
        CommandRun redrive = dlq("redrive", "00000000-0000-4000-8000-000000000000");
        assertEquals(2, redrive.exit());
        assertTrue(redrive.errors().contains("client.unknown_message"), redrive.errors());
    }

    private static CommandRun dlq(String... arguments) {
        String[] command = new String[arguments.length + 5];
        command[0] = "dlq";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        command[arguments.length + 1] = "--member";
        command[arguments.length + 2] = "KH/GOV/MOI";
        command[arguments.length + 3] = "--kafka-bootstrap";
        command[arguments.length + 4] = SharedKafkaBroker.bootstrapServers();
        return CommandRun.of(command);
    }

    private JsonObject state(String id) throws Exception {
        HttpResponse<String> response = network.http(network.moi(), ANTI_SCAM).send(HttpRequest.newBuilder(URI.create(network.moi().baseUri() + "/messages/" + id))
                .header("X-Road-Client", ANTI_SCAM).GET().build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static long requestsWithId(WireMockServer backend, String id) {
        return backend.getAllServeEvents().stream().filter(served -> id.equals(served.getRequest().getHeader("X-Road-Id"))).count();
    }

    private static long responsesWithId(WireMockServer backend, String id, int status) {
        return backend.getAllServeEvents().stream().filter(served -> id.equals(served.getRequest().getHeader("X-Road-Id"))
                && served.getResponse().getStatus() == status).count();
    }

    private static long deadLetteredEntries(GatewayNode node, String id) throws Exception {
        long[] count = {0};
        LogReader.forEach(node.log().files(), stored -> {
            if (LogEntryKind.DEAD_LETTERED.wireName().equals(stored.entry().kind()) && id.equals(stored.entry().envelopeId())) {
                count[0]++;
            }
        });
        return count[0];
    }
}
