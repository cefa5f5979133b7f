package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.node.TestNetwork;

/**
 * The fault tests' traffic: Interior's anti-scam unit reporting scam sites one-way to the blocklist's WireMock mock,
 * following each message at its node, and counting from the mock's journal what reached it, once or more.
 */
final class OneWayTraffic {

    static final String SERVICE = "KH/GOV/MPTC/WEB-BLOCKLIST/reportScamSite";
    static final String CLIENT = "KH/GOV/MOI/ANTI-SCAM";

    /** What reached the backend of the messages sent. */
    record Counts(int sent, int delivered, int deliveredTwice, int lost) {

        void print(String what, int published) {
            System.out.printf("one-way across %s: sent %d, accepted %d,%s delivered %d, delivered twice %d, lost %d%n",
                    what, sent, sent, published > 0 ? " published " + published + " times," : "", delivered,
                    deliveredTwice, lost);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String report;

    OneWayTraffic(Path repository) throws Exception {
        String example = Files.readString(repository.resolve("connectors/mptc-web-blocklist/examples/report-phishing.json"));
        try (JsonReader reader = Json.createReader(new StringReader(example))) {
            report = reader.readObject().getJsonObject("request").toString();
        }
    }

    /** The blocklist's mock, started from the connector's own mappings on a free port, with the TLS material under {@code data}. */
    static WireMockServer blocklist(Path repository, Path data) {
        WireMockServer blocklist = new WireMockServer(TestNetwork.https(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(repository.resolve("connectors/mptc-web-blocklist/wiremock").toString())
                .globalTemplating(true), TestNetwork.backendTls(data)));
        blocklist.start();
        return blocklist;
    }

    /** Sends {@code count} reports through the node at {@code node}; each must be accepted with 202. */
    List<String> send(URI node, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(node + "/r1/" + SERVICE))
                    .header("Content-Type", "application/json").header("X-Road-Client", CLIENT)
                    .header("Prefer", "respond-async").POST(HttpRequest.BodyPublishers.ofString(report)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            ids.add(accepted.headers().firstValue("X-Road-Id").orElseThrow());
        }
        return ids;
    }

    /** The message's status at the node that accepted it ({@code GET /messages/{id}}). */
    JsonObject status(URI node, String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node + "/messages/" + id))
                .header("X-Road-Client", CLIENT).GET().build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    boolean delivered(URI node, String id) throws Exception {
        return "delivered".equals(status(node, id).getString("state"));
    }

    /** How many of {@code ids} reached the backend, twice or more, or never — from its own journal. */
    static Counts count(WireMockServer backend, List<String> ids) {
        int twice = 0;
        int lost = 0;
        for (String id : ids) {
            long deliveries = backend.getAllServeEvents().stream()
                    .filter(event -> id.equals(event.getRequest().getHeader("X-Road-Id"))).count();
            twice += deliveries > 1 ? 1 : 0;
            lost += deliveries == 0 ? 1 : 0;
        }
        return new Counts(ids.size(), ids.size() - lost, twice, lost);
    }
}
