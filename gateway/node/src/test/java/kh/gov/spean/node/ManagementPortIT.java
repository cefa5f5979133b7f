package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kh.gov.spean.node.management.ManagementUser;
import kh.gov.spean.node.management.ManagementUsers;
import kh.gov.spean.node.management.PasswordHash;
import kh.gov.spean.node.management.Role;

/**
 * The management port: every caller authenticated and holding the role the path needs, each refusal coded; the Host
 * header from an allowed list; strict headers on every answer; liveness open; nothing of it left on the service port.
 */
class ManagementPortIT {

    @TempDir
    static Path data;
    static TestNetwork network;
    static ManagementAccess access;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(10), UnaryOperator.identity(), TestNetwork.MOI);
        access = ManagementAccess.to(network.moi());
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @ParameterizedTest(name = "{0} without credentials is 401 client.unauthenticated")
    @ValueSource(strings = {"/metrics", "/monitoring", "/health", "/audit/entries", "/audit/export", "/no-such-path"})
    void refuses_a_caller_without_credentials(String path) throws Exception {
        HttpResponse<String> answer = access.http().send(access.request(path).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(answer, 401, "client.unauthenticated");
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), answer.headers().toString());
    }

    @Test
    void refuses_a_token_nobody_holds() throws Exception {
        HttpResponse<String> answer = access.http().send(access.request("/metrics")
                .header("Authorization", "Bearer " + ManagementUsers.newToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(answer, 401, "client.unauthenticated");
    }

    @ParameterizedTest(name = "an auditor asking for {0} is 403 client.role_forbidden")
    @ValueSource(strings = {"/metrics", "/monitoring", "/health"})
    void refuses_an_auditor_the_operators_paths(String path) throws Exception {
        assertRefused(access.get(Role.AUDITOR, path), 403, "client.role_forbidden");
    }

    @ParameterizedTest(name = "an operator asking for {0} is 403 client.role_forbidden")
    @ValueSource(strings = {"/audit", "/audit/entries", "/audit/export"})
    void refuses_an_operator_the_auditors_paths(String path) throws Exception {
        assertRefused(access.get(Role.OPERATOR, path), 403, "client.role_forbidden");
    }

    @Test
    void serves_each_role_its_own_paths_with_strict_headers() throws Exception {
        HttpResponse<String> metrics = access.get(Role.OPERATOR, "/metrics");
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("spean_log_entries{member=\"KH/GOV/MOI\"}"), metrics.body());
        assertEquals(200, access.get(Role.OPERATOR, "/monitoring").statusCode());
        assertEquals(200, access.get(Role.OPERATOR, "/health").statusCode());
        HttpResponse<String> entries = access.get(Role.AUDITOR, "/audit/entries");
        assertEquals(200, entries.statusCode(), entries.body());
        HttpResponse<String> page = access.get(Role.AUDITOR, "/audit");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<script>") || page.body().contains("<style>"), "no inline script or style");

        for (HttpResponse<String> answer : new HttpResponse[] {metrics, entries, page}) {
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'")
                    && !policy.contains("unsafe-inline"), policy);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        }
    }

    @Test
    void liveness_is_open_and_tells_nothing_more() throws Exception {
        HttpResponse<String> live = access.http().send(access.request("/health/live").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode());
        assertEquals("{\"status\":\"UP\"}", live.body());
    }

    @ParameterizedTest(name = "Host: {0} is refused with client.host_not_allowed")
    @ValueSource(strings = {"evil.example", "evil.example:443", "127.0.0.1.evil.example"})
    void refuses_a_host_header_not_on_the_list(String host) throws Exception {
        // Java's HTTP client will not set Host: the request is written by hand over TLS.
        URI uri = network.moi().managementUri();
        try (SSLSocket socket = (SSLSocket) tls().getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /metrics HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                    + access.token(Role.OPERATOR) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 421 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("x-road-error: client.host_not_allowed"), answer);
            assertFalse(answer.contains("spean_"), "no metric leaves: " + answer);
        }
    }

    @Test
    void a_password_login_gives_a_strict_session_cookie_and_a_wrong_one_is_refused() throws Exception {
        ManagementUsers.put(ManagementUsers.fileOf(data, TestNetwork.MOI), new ManagementUser("alice",
                Role.AUDITOR.wireName(), PasswordHash.hash("correct horse".toCharArray()), null));

        HttpResponse<String> wrong = access.http().send(login("alice", "battery staple"), HttpResponse.BodyHandlers.ofString());
        assertRefused(wrong, 401, "client.unauthenticated");
        HttpResponse<String> nobody = access.http().send(login("mallory", "correct horse"), HttpResponse.BodyHandlers.ofString());
        assertRefused(nobody, 401, "client.unauthenticated");

        HttpResponse<String> right = access.http().send(login("alice", "correct horse"), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, right.statusCode(), right.body());
        assertEquals("/audit", right.headers().firstValue("Location").orElse(null));
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        String attributes = cookie.toLowerCase(Locale.ROOT); // attribute names are case-insensitive (RFC 6265)
        assertTrue(attributes.contains("; secure") && attributes.contains("; httponly")
                && attributes.contains("; samesite=strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> entries = access.http().send(access.request("/audit/entries").header("Cookie", session)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, entries.statusCode(), entries.body());
        HttpResponse<String> metrics = access.http().send(access.request("/metrics").header("Cookie", session)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(metrics, 403, "client.role_forbidden");
    }

    @ParameterizedTest(name = "the service port no longer serves {0}")
    @ValueSource(strings = {"/metrics", "/monitoring", "/health", "/audit", "/audit/entries"})
    void the_service_port_serves_none_of_it(String path) throws Exception {
        HttpResponse<String> answer = network.http(network.moi(), null).send(HttpRequest.newBuilder(
                URI.create(network.moi().baseUri() + path)).build(), HttpResponse.BodyHandlers.ofString());
        // The service port answers in X-Road's error form, {"type", "message", "detail"}.
        assertEquals(404, answer.statusCode(), answer.body());
        assertEquals("client.unknown_service", answer.headers().firstValue("X-Road-Error").orElse(null), answer.body());
        assertTrue(answer.body().contains("\"type\":\"client.unknown_service\""), answer.body());
    }

    private static HttpRequest login(String name, String password) {
        return access.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + password.replace(" ", "+")))
                .build();
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, answer.headers().firstValue("X-Road-Error").orElse(null), answer.body());
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.body());
    }

    private static SSLContext tls() {
        return ManagementAccess.tlsTrusting(network.moi().managementCertificate());
    }
}
