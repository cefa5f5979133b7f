package kh.gov.spean.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.routes.Redelivery;

/**
 * An event copy whose subscriber's backend fails transiently is tried again in place, with backoff and a bound, before
 * it is set aside; one the backend refuses (4xx) is set aside at once. Real nodes, Kafka and the anti-scam unit's
 * WireMock backend, whose answers each test scripts for its own event.
 */
class EventCopyRedeliveryIT {

    static final String WEB_BLOCKLIST = "KH/GOV/MPTC/WEB-BLOCKLIST";
    static final String SITE_BLOCKED = "KH/GOV/MPTC/WEB-BLOCKLIST/siteBlocked";
    static final String ANTI_SCAM = "KH/GOV/MOI/ANTI-SCAM";

    @TempDir
    static Path data;
    static TestNetwork network;
    final String reference = "retry-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    List<StubMapping> stubs = List.of();

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20), settings -> settings, TestNetwork.MOI, TestNetwork.MEF,
                TestNetwork.MPTC);
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(caseSystem()::removeStubMapping);
    }

    @Test
    void a_backend_that_answers_503_once_gets_the_copy_again_and_nothing_is_dead_lettered() throws Exception {
        stubs = List.of(
                caseSystem().stubFor(post(urlPathMatching(".*")).atPriority(1).withRequestBody(containing(reference))
                        .inScenario(reference).whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered")),
                caseSystem().stubFor(post(urlPathMatching(".*")).atPriority(1).withRequestBody(containing(reference))
                        .inScenario(reference).whenScenarioStateIs("recovered")
                        .willReturn(aResponse().withStatus(204))));

        String copy = publishAndTakeTheAntiScamCopy();

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(copy) == 1);
        assertEquals(2, handOvers(copy), "one answered 503, one accepted");
        assertEquals(0, deadLettered(copy).size());
        assertEquals(1, delivered(copy), "the copy is logged as delivered once, not once per attempt");
    }

    @Test
    void a_backend_that_refuses_the_copy_has_it_dead_lettered_without_a_retry() throws Exception {
        stubs = List.of(caseSystem().stubFor(post(urlPathMatching(".*")).atPriority(1)
                .withRequestBody(containing(reference)).willReturn(aResponse().withStatus(422))));

        String copy = publishAndTakeTheAntiScamCopy();

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(copy).size() == 1);
        assertEquals("server.backend_refused", deadLettered(copy).get(0).result());
        assertEquals(1, handOvers(copy), "a refusal would repeat: not tried again");
    }

    @Test
    void a_backend_that_always_answers_503_has_the_copy_dead_lettered_after_the_bounded_retries() throws Exception {
        stubs = List.of(caseSystem().stubFor(post(urlPathMatching(".*")).atPriority(1)
                .withRequestBody(containing(reference)).willReturn(aResponse().withStatus(503))));

        String copy = publishAndTakeTheAntiScamCopy();

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettered(copy).size() == 1);
        assertEquals("server.backend_error", deadLettered(copy).get(0).result());
        assertEquals(1 + Redelivery.EVENT_COPIES.retries(), handOvers(copy), "the first attempt and every retry");
    }

    private String publishAndTakeTheAntiScamCopy() throws Exception {
        String event = "{\"domain\":\"" + reference + "\",\"blockedAt\":\"2026-11-24T11:30:00Z\","
                + "\"category\":\"phishing\",\"orderReference\":\"MPTC-BLK-2026-0042\"}";
        HttpResponse<String> published = network.call(network.node(TestNetwork.MPTC), WEB_BLOCKLIST, SITE_BLOCKED, event);
        assertEquals(202, published.statusCode(), published.body());
        try (JsonReader reader = Json.createReader(new StringReader(published.body()))) {
            return reader.readObject().getJsonArray("copies").stream().map(JsonValue::asJsonObject)
                    .filter(entry -> entry.getString("subscriber").equals(ANTI_SCAM)).findFirst().orElseThrow()
                    .getString("id");
        }
    }

    private static WireMockServer caseSystem() {
        return network.backend("moi-anti-scam");
    }

    private static long handOvers(String copy) {
        return caseSystem().getAllServeEvents().stream()
                .filter(event -> copy.equals(event.getRequest().getHeader("X-Road-Id"))).count();
    }

    private static long accepted(String copy) {
        return caseSystem().getAllServeEvents().stream()
                .filter(event -> copy.equals(event.getRequest().getHeader("X-Road-Id")))
                .filter(event -> event.getResponse().getStatus() / 100 == 2).count();
    }

    private static List<LogEntry> deadLettered(String copy) throws Exception {
        return entries(copy, LogEntryKind.DEAD_LETTERED);
    }

    private static long delivered(String copy) throws Exception {
        return entries(copy, LogEntryKind.DELIVERED).size();
    }

    private static List<LogEntry> entries(String copy, LogEntryKind kind) throws Exception {
        List<LogEntry> found = new ArrayList<>();
        LogReader.forEach(network.moi().log().files(), stored -> {
            if (kind.wireName().equals(stored.entry().kind()) && copy.equals(stored.entry().envelopeId())) {
                found.add(stored.entry());
            }
        });
        return found;
    }
}
