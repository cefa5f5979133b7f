package kh.gov.spean.cli.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.cli.demo.DemoNetwork;
import kh.gov.spean.cli.demo.DemoScenarios;
import kh.gov.spean.cli.demo.ExchangePlayer;
import kh.gov.spean.cli.demo.ExpectedAnswer;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.edge.DevelopmentClients;

/**
 * Plays one example exchange through a running network and says whether it held, and if not, why in words. A
 * request/response example holds when the answer has the expected status and fields; a one-way example when it is
 * accepted and then delivered with a receipt; an event when every subscriber's backend received its copy.
 */
public final class ExampleCheck {

    /**
     * The outcome of one example: what happened in a few words, and why it did not hold (null when it did).
     *
     * @param xRoadId the message id the node answered with
     */
    public record Verdict(String name, int status, long millis, String xRoadId, String summary, String reason) {

        public boolean passed() {
            return reason == null;
        }
    }

    private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    private final DemoNetwork network;
    private final ExchangePlayer player;
    private final java.util.Map<SubsystemId, HttpClient> statusClients = new java.util.concurrent.ConcurrentHashMap<>();

    public ExampleCheck(DemoNetwork network) {
        this.network = network;
        this.player = new ExchangePlayer(network::credential);
    }

    public Verdict check(DemoScenarios.ExchangeScenario example) {
        ExchangePlayer.Answer answer = player.call(network.node(example.client().member()), example.client(),
                example.service(), example.request());
        String reason = answerReason(example, answer);
        String summary = answer.status() + " " + (answer.error() != null ? answer.error() : fields(parse(answer.body())));
        if (reason == null && answer.status() == 202 && answer.location() != null) {
            reason = oneWayReason(network.node(example.client().member()), example, answer);
            summary = "202 accepted, then " + (reason == null ? "delivered with a signed receipt" : "not delivered");
        } else if (reason == null && answer.status() == 202) {
            reason = eventReason(answer);
            summary = "202 published, " + copies(parse(answer.body())) + (reason == null ? " each delivered" : "");
        }
        return new Verdict(example.name(), answer.status(), answer.millis(), answer.xRoadId(), summary, reason);
    }

    /** The answer's telling fields, e.g. {@code result=match} or {@code status=registered}. */
    private static String fields(JsonObject body) {
        List<String> shown = new ArrayList<>();
        for (String name : List.of("result", "confidence", "status", "ownerVerification")) {
            if (body != null && body.containsKey(name) && body.get(name).getValueType() == JsonValue.ValueType.STRING) {
                shown.add(name + "=" + body.getString(name));
            }
        }
        return shown.isEmpty() ? "answered" : String.join(" ", shown);
    }

    private static String copies(JsonObject published) {
        if (published == null || !published.containsKey("copies")) {
            return "no copies";
        }
        List<String> subscribers = published.getJsonArray("copies").stream()
                .map(copy -> copy.asJsonObject().getString("subscriber")).toList();
        return subscribers.size() + " sealed copies (" + String.join(", ", subscribers) + ")";
    }

    /** Why an answer is not the expected one, in words; null when it is. */
    static String answerReason(DemoScenarios.ExchangeScenario example, ExchangePlayer.Answer answer) {
        ExpectedAnswer expect = example.expect();
        if (answer.status() != expect.status()) {
            String detail = answer.error() != null ? " " + answer.error() + ": " + field(parse(answer.body()), "message") : "";
            return "expected HTTP " + expect.status() + ", got " + answer.status() + detail;
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> header : expect.headers().entrySet()) {
            String got = answer.headers().firstValue(header.getKey()).orElse(null);
            if (!header.getValue().equals(got)) {
                differences.add("header " + header.getKey() + ": expected \"" + header.getValue() + "\", got "
                        + (got == null ? "nothing" : "\"" + got + "\""));
            }
        }
        if (expect.bytes() != null && !Arrays.equals(expect.bytes(), answer.bytes())) {
            differences.add("body: expected the file's " + expect.bytes().length + " bytes (SHA-256 "
                    + Digests.hex(Digests.sha256(expect.bytes())) + "), got " + answer.bytes().length + " bytes (SHA-256 "
                    + Digests.hex(Digests.sha256(answer.bytes())) + ")");
        }
        if (!ExchangePlayer.contains(answer.body(), expect.body())) {
            differences.addAll(fieldDifferences(expect.body(), parse(answer.body())));
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private static List<String> fieldDifferences(JsonObject expectedBody, JsonObject actual) {
        if (actual == null) {
            return List.of("body: expected a JSON object with " + expectedBody + ", got no JSON object");
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonValue> expected : expectedBody.entrySet()) {
            JsonValue got = actual.get(expected.getKey());
            if (!expected.getValue().equals(got)) {
                differences.add(expected.getKey() + ": expected " + expected.getValue() + ", got "
                        + (got == null ? "nothing" : got));
            }
        }
        return differences;
    }

    private String oneWayReason(GatewayNode node, DemoScenarios.ExchangeScenario example, ExchangePlayer.Answer answer) {
        long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
        JsonObject status = null;
        while (System.nanoTime() < deadline) {
            status = parse(get(node, node.baseUri().resolve(answer.location()), example.client()));
            String state = field(status, "state");
            if ("delivered".equals(state)) {
                return null;
            }
            if ("failed".equals(state)) {
                JsonObject error = status.getJsonObject("error");
                return "accepted, then failed: " + field(error, "code") + " " + field(error, "detail");
            }
            pause();
        }
        return "accepted, but no receipt within " + SETTLE_DEADLINE.toSeconds() + " s (last state: "
                + field(status, "state") + ")";
    }

    private String eventReason(ExchangePlayer.Answer answer) {
        JsonObject published = parse(answer.body());
        if (published == null || !published.containsKey("copies")) {
            return "a 202 with neither a Location (one-way) nor copies (event)";
        }
        List<String> missing = new ArrayList<>();
        for (JsonValue value : published.getJsonArray("copies")) {
            JsonObject copy = value.asJsonObject();
            if (!awaitBackendRequest(copy.getString("id"))) {
                missing.add(copy.getString("subscriber"));
            }
        }
        return missing.isEmpty() ? null : "no copy reached the backend of " + String.join(", ", missing)
                + " within " + SETTLE_DEADLINE.toSeconds() + " s";
    }

    private boolean awaitBackendRequest(String envelopeId) {
        long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            for (WireMockServer backend : network.backends().values()) {
                if (backend.getAllServeEvents().stream()
                        .anyMatch(event -> envelopeId.equals(event.getRequest().getHeader("X-Road-Id")))) {
                    return true;
                }
            }
            pause();
        }
        return false;
    }

    private String get(GatewayNode node, URI uri, SubsystemId client) {
        try {
            HttpClient http = statusClients.computeIfAbsent(client,
                    subsystem -> DevelopmentClients.httpClient(network.credential(subsystem), node.edgeCertificate()));
            return http.send(HttpRequest.newBuilder(uri).header("X-Road-Client", client.toString()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String field(JsonObject object, String name) {
        return object != null && object.containsKey(name) && !object.isNull(name) ? object.getString(name) : "";
    }

    private static JsonObject parse(String body) {
        try {
            return SpeanJson.readObject(body);
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }
}
