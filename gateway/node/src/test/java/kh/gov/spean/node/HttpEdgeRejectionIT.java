package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kh.gov.spean.node.management.Role;

import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * Bad calls at the HTTP edge: each gets its coded RFC 9457 answer, none reaches the backend, and the node keeps
 * serving good calls afterwards.
 */
class HttpEdgeRejectionIT {

    @TempDir
    static Path data;
    static TestNetwork network;
    static ConnectorExample match;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.startPlainHttp(data, Duration.ofSeconds(3));
        match = ConnectorExample.read("moi-id-registry", "match");
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    static Stream<Arguments> bad_calls() {
        String client = TestNetwork.BUSINESS_REGISTRY;
        String service = TestNetwork.VERIFY_CITIZEN;
        return Stream.of(
                Arguments.of("a client without the access right", "KH/GOV/MEF/TAX-REGISTRY", service, "{match}", 403, "client.access_denied"),
                Arguments.of("a body that breaks the schema", client, service, "{\"nationalId\":\"12AB\"}", 400, "client.schema_invalid"),
                Arguments.of("a body that is not JSON", client, service, "{\"nationalId\":", 400, "client.malformed_json"),
                Arguments.of("an empty body, where the description requires one", client, service, "", 400, "client.request_invalid"),
                Arguments.of("an unknown service", client, "KH/GOV/MOI/ID-REGISTRY/deleteCitizen", "{match}", 404, "client.unknown_service"),
                Arguments.of("a malformed service path", client, "KH/GOV/MOI", "{match}", 400, "client.malformed_request"),
                Arguments.of("a path that leaves the services (found by fuzzing)", client, "..", "{match}", 404, "client.unknown_service"),
                Arguments.of("no X-Road-Client header", null, service, "{match}", 400, "client.unknown_client"),
                Arguments.of("a client that is not in the federation", "KH/GOV/MEF/NOBODY", service, "{match}", 400, "client.unknown_client"),
                Arguments.of("a malformed client", "KH/GOV/MEF/BUSINESS REGISTRY", service, "{match}", 400, "client.unknown_client"),
                Arguments.of("a client of another member", "KH/GOV/MOI/ANTI-SCAM", service, "{match}", 403, "client.not_this_node"),
                Arguments.of("deeply nested JSON", client, service, "[".repeat(10_000) + "]".repeat(10_000), 400, "client.malformed_json"));
    }

    @ParameterizedTest(name = "{0} is refused with {5}")
    @MethodSource("bad_calls")
    void refuses_a_bad_call_with_its_code_and_reaches_no_backend(String what, String client, String service,
                                                                   String body, int status, String code) throws Exception {
        int hitsBefore = network.backendHits();

        HttpResponse<String> response = network.call(network.mef(), client, service, body.replace("{match}", match.request()));

        assertProblem(response, status, code);
        assertEquals(hitsBefore, network.backendHits(), "the backend must not be called");
    }

    @Test
    void refuses_a_body_of_a_media_type_the_services_description_does_not_declare() throws Exception {
        int hitsBefore = network.backendHits();
        String xml = "<verify><nationalId>010203040</nationalId></verify>";
        HttpResponse<String> response = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN,
                xml.getBytes(StandardCharsets.UTF_8), "text/xml");
        assertProblem(response, 415, "client.unsupported_media_type");
        assertEquals(hitsBefore, network.backendHits(), "the backend must not be called");
    }

    /** What curl --http2 sends to ask for HTTP/2 over cleartext (RFC 7540 section 3.2). */
    private static final String H2C_UPGRADE = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
            + "HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n";

    static Stream<Arguments> requests_refused_before_any_route() {
        String service = "/r1/KH/GOV/MOI/ID-REGISTRY/verifyCitizen";
        return Stream.of(
                Arguments.of("a path that does not decode", "GET /r1/KH/GOV/MOI/ID-REGISTRY/%zz HTTP/1.1", "",
                        400, "client.malformed_request"),
                Arguments.of("a query that does not decode", "GET /audit/entries?from=%zz HTTP/1.1", "",
                        400, "client.malformed_request"),
                Arguments.of("a request line over 4,096 bytes", "POST " + service + "?" + "a".repeat(5_000) + " HTTP/1.1",
                        "", 414, "client.target_too_long"),
                Arguments.of("headers over 8 KiB", "POST " + service + " HTTP/1.1",
                        "X-Road-Client: " + "A".repeat(9_000) + "\r\n", 431, "client.headers_too_large"),
                Arguments.of("a header name with a space in it", "POST " + service + " HTTP/1.1", "X Road: y\r\n",
                        400, "client.malformed_request"),
                Arguments.of("a version that is not one", "POST " + service + " HTTP/1.x", "",
                        400, "client.malformed_request"),
                // Vert.x's h2c upgrade went ahead on such requests and left the connection open: the edge has none.
                Arguments.of("an h2c upgrade with headers over 8 KiB", "GET /health HTTP/1.1",
                        H2C_UPGRADE + "X-Big: " + "a".repeat(9_000) + "\r\n", 431, "client.headers_too_large"),
                Arguments.of("an h2c upgrade with a header name with a space in it", "GET /health HTTP/1.1",
                        H2C_UPGRADE + "X Road: y\r\n", 400, "client.malformed_request"));
    }

    @ParameterizedTest(name = "{0} is refused with {4}")
    @MethodSource("requests_refused_before_any_route")
    void refuses_what_vertx_cannot_read_with_problem_json(String what, String requestLine, String headers, int status,
                                                           String code) throws Exception {
        // Java's HTTP client will not send such requests: each is written by hand.
        URI node = network.mef().baseUri();
        long recordedBefore = refusalsRecorded(code);
        long loggedBefore = rejectionsLogged(code);
        String answer;
        try (Socket socket = new Socket(node.getHost(), node.getPort())) {
            // An edge that leaves the connection open fails the test instead of hanging it.
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: " + node.getAuthority() + "\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        // HTTP/1.0 when the decoder gave up before it read the request's version.
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] " + status + " .*"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/json;charset=utf-8"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("x-road-error: " + code), answer);
        assertTrue(answer.contains("\"type\":\"" + code + "\""), answer);
        // Recorded once the answer is sent, off the HTTP event loop.
        await().atMost(Duration.ofSeconds(10)).until(() -> refusalsRecorded(code) > recordedBefore
                && rejectionsLogged(code) > loggedBefore);
        assertEquals(recordedBefore + 1, refusalsRecorded(code), "one operational record of the refusal");
        assertEquals(loggedBefore + 1, rejectionsLogged(code), "one rejection entry in the message log");
        HttpResponse<String> afterwards = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY,
                TestNetwork.VERIFY_CITIZEN, match.request());
        assertEquals(200, afterwards.statusCode(), afterwards.body());
    }

    /** How many of the node's operational monitoring records have this outcome. */
    private static long refusalsRecorded(String code) throws Exception {
        return ConnectorExample.parse(get(Role.OPERATOR, "/monitoring")).getJsonArray("records")
                .getValuesAs(JsonObject.class).stream()
                .filter(record -> code.equals(record.getString("outcome"))).count();
    }

    /** How many entries of the node's message log record a refusal with this code. */
    private static long rejectionsLogged(String code) throws Exception {
        return ConnectorExample.parse(get(Role.AUDITOR, "/audit/entries?outcome=" + code + "&limit=1000"))
                .getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(entry -> "rejected".equals(entry.getString("kind"))).count();
    }

    /** What the client node's management port answers a user of this role. */
    private static String get(Role role, String path) throws Exception {
        HttpResponse<String> answer = ManagementAccess.to(network.mef()).get(role, path);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    @Test
    void refuses_an_oversized_body_with_413() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        int hitsBefore = network.backendHits();
        HttpResponse<String> response = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY,
                TestNetwork.VERIFY_CITIZEN, body, "application/json");
        assertProblem(response, 413, "client.payload_too_large");
        assertEquals(hitsBefore, network.backendHits());
    }

    @Test
    void a_backend_failure_is_the_backends_own_answer_passed_through_without_x_road_error() throws Exception {
        network.backend().stubFor(WireMock.post(WireMock.anyUrl())
                .withRequestBody(WireMock.containing("\"purpose\":\"fail-backend\""))
                .atPriority(1).willReturn(WireMock.serverError().withBody("database down")));
        String failing = withPurpose("fail-backend");

        HttpResponse<String> response = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN, failing);

        assertEquals(500, response.statusCode());
        assertEquals("database down", response.body());
        assertFalse(response.headers().firstValue("X-Road-Error").isPresent());
    }

    @Test
    void a_provider_that_does_not_answer_in_time_gives_a_coded_timeout_not_a_hang() throws Exception {
        network.backend().stubFor(WireMock.post(WireMock.anyUrl())
                .withRequestBody(WireMock.containing("\"purpose\":\"slow-backend\""))
                .atPriority(1).willReturn(WireMock.okJson("{}").withFixedDelay(6_000)));
        String slow = withPurpose("slow-backend");

        HttpResponse<String> response = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN, slow);

        assertProblem(response, 504, "server.timeout");
    }

    @Test
    void the_node_still_serves_good_calls_after_bad_ones() throws Exception {
        HttpResponse<String> response = network.call(network.mef(), match.client(), match.service(), match.request());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** A valid request whose purpose field lets a test stub pick it out at the backend. */
    static String withPurpose(String purpose) {
        return "{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\","
                + "\"purpose\":\"" + purpose + "\"}";
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(code, response.headers().firstValue("X-Road-Error").orElse(null));
        JsonObject error = ConnectorExample.parse(response.body());
        assertEquals(code, error.getString("type"));
        assertFalse(error.getString("message").isEmpty());
        assertFalse(error.getString("detail").isEmpty());
        assertFalse(response.body().contains("Exception"), "no stack trace or exception name: " + response.body());
    }
}
