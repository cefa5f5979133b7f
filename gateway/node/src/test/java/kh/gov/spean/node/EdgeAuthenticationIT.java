package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogTail;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.edge.SelfSignedCertificates;
import kh.gov.spean.node.edge.TlsCredential;

/**
 * The edge's door, by default TLS with client certificates registered per subsystem: each hostile caller is refused —
 * in the TLS layer where it never speaks TLS, else with its code and a rejection in the message log — and Interior's
 * backend sees none of them. The counts are printed at the end.
 */
class EdgeAuthenticationIT {

    static final String TAX_REGISTRY = "KH/GOV/MEF/TAX-REGISTRY";
    static final AtomicInteger REFUSED = new AtomicInteger();
    static final AtomicInteger REACHED_BACKEND = new AtomicInteger();

    @TempDir
    static Path data;
    static TestNetwork network;
    static ConnectorExample match;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20));
        match = ConnectorExample.read("moi-id-registry", "match");
    }

    @AfterAll
    static void stop() {
        System.out.println("EdgeAuthenticationIT: hostile calls refused " + REFUSED.get() + ", reached the backend "
                + REACHED_BACKEND.get());
        if (network != null) {
            network.close();
        }
    }

    @Test
    void a_subsystem_presenting_its_registered_certificate_gets_the_providers_answer() throws Exception {
        HttpResponse<String> answer = post(network.http(network.mef(), match.client()), match.client());

        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    void plain_http_to_the_tls_port_is_refused_in_the_tls_layer_before_any_request_is_read() {
        URI plain = URI.create(network.mef().baseUri().toString().replaceFirst("^https:", "http:"));
        int hitsBefore = network.backendHits();

        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        plain.resolve("/r1/" + match.service())).header("X-Road-Client", match.client())
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(match.request())).build(),
                HttpResponse.BodyHandlers.ofString()));

        counted(hitsBefore);
    }

    @Test
    void a_call_with_no_client_certificate_is_refused_as_unauthenticated() throws Exception {
        refused(DevelopmentClients.httpClient(null, network.mef().edgeCertificate()), match.client(), 401,
                "client.unauthenticated");
    }

    @Test
    void a_certificate_registered_nowhere_is_refused() throws Exception {
        Instant now = Instant.now();
        TlsCredential stranger = SelfSignedCertificates.client(match.client(), now.minusSeconds(60), now.plusSeconds(3600));

        refused(DevelopmentClients.httpClient(stranger, network.mef().edgeCertificate()), match.client(), 403,
                "client.client_certificate_not_registered");
    }

    @Test
    void one_subsystems_certificate_claiming_another_subsystem_is_refused() throws Exception {
        // The tax registry's own certificate, registered at this node, naming the business registry as the client.
        refused(network.http(network.mef(), TAX_REGISTRY), match.client(), 403,
                "client.client_certificate_not_registered");
    }

    @Test
    void an_expired_registered_certificate_is_refused() throws Exception {
        Instant now = Instant.now();
        TlsCredential expired = SelfSignedCertificates.client(match.client(), now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));
        network.mef().clients().register(SubsystemId.parse(match.client()), expired.certificate());

        refused(DevelopmentClients.httpClient(expired, network.mef().edgeCertificate()), match.client(), 401,
                "client.client_certificate_expired");
    }

    @Test
    void the_status_of_another_subsystems_message_is_not_given_to_a_certificate_claiming_it() throws Exception {
        HttpResponse<String> answer = network.http(network.mef(), TAX_REGISTRY).send(HttpRequest.newBuilder(
                        network.mef().baseUri().resolve("/messages/0a0b0c0d-0000-4000-8000-000000000000"))
                        .header("X-Road-Client", match.client()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, answer.statusCode(), answer.body());
        assertEquals("client.client_certificate_not_registered", answer.headers().firstValue("X-Road-Error").orElse(""));
    }

    private static void refused(HttpClient http, String claimed, int status, String code) throws Exception {
        int hitsBefore = network.backendHits();
        long loggedBefore = rejectionsLogged(code);

        HttpResponse<String> answer = post(http, claimed);

        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, answer.headers().firstValue("X-Road-Error").orElse(""), answer.body());
        assertTrue(answer.body().contains("\"" + code + "\""), answer.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> rejectionsLogged(code) > loggedBefore);
        counted(hitsBefore);
    }

    private static void counted(int hitsBefore) {
        REFUSED.incrementAndGet();
        REACHED_BACKEND.addAndGet(network.backendHits() - hitsBefore);
        assertEquals(hitsBefore, network.backendHits(), "the backend must not be called");
    }

    private static HttpResponse<String> post(HttpClient http, String claimed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(network.mef().baseUri().resolve("/r1/" + match.service()))
                .header("X-Road-Client", claimed).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(match.request()));
        match.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Rejection entries with this code in Economy and Finance's message log. */
    private static long rejectionsLogged(String code) throws IOException {
        return LogTail.since(network.mef().log().files(), Instant.EPOCH).stream()
                .filter(entry -> "rejected".equals(entry.kind()) && code.equals(entry.result()))
                .map(LogEntry::kind).count();
    }
}
