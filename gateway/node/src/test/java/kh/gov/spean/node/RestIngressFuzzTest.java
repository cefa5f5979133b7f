package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the REST ingress of a running node (Interior and Economy and Finance on the
 * shared broker, their mock backends): service path, {@code X-Road-Client}, content type, {@code Prefer} and body come
 * from the fuzzer, each either one a real client would send or anything at all. Every call must get an answer, never
 * {@code server.internal}, and every refusal its code as problem+json. {@code mvn -B verify} fuzzes it for a fixed
 * time (the {@code fuzz} execution in this module's build); without {@code JAZZER_FUZZ} it runs its kept inputs only.
 */
class RestIngressFuzzTest {

    private static final String[] SERVICES = {TestNetwork.VERIFY_CITIZEN, TestNetwork.VERIFY_CITIZEN + "/v2",
            "KH/GOV/MPTC/WEB-BLOCKLIST/reportScamSite", "KH/GOV/MPTC/WEB-BLOCKLIST/siteBlocked",
            "KH/GOV/MEF/BUSINESS-REGISTRY/registerBusiness"};
    private static final String[] CLIENTS = {TestNetwork.BUSINESS_REGISTRY, "KH/GOV/MOI/ANTI-SCAM",
            "KH/GOV/MPTC/WEB-BLOCKLIST"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "text/plain"};
    private static final String BODY = "{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}";

    @TempDir
    static Path data;
    static TestNetwork network;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.startPlainHttp(data, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @FuzzTest(maxDuration = "30s")
    void every_call_gets_an_answer_and_every_refusal_its_code(FuzzedDataProvider input) throws Exception {
        String service = input.consumeBoolean() ? pick(input, SERVICES) : input.consumeString(80);
        String client = input.consumeBoolean() ? pick(input, CLIENTS) : input.consumeString(80);
        String contentType = input.consumeBoolean() ? pick(input, CONTENT_TYPES) : input.consumeString(40);
        boolean async = input.consumeBoolean();
        byte[] body = input.consumeBoolean() ? BODY.getBytes(StandardCharsets.UTF_8) : input.consumeRemainingAsBytes();

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + path(service)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Road-Client", printable(client)).header("Content-Type", printable(contentType));
        if (async) {
            request.header("Prefer", "respond-async");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertNotEquals(500, response.statusCode(), response::body);
        if (response.statusCode() >= 400) {
            String code = response.headers().firstValue("X-Road-Error").orElse("");
            assertTrue(code.startsWith("client.") || code.startsWith("server."), "uncoded " + response.statusCode());
            assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""),
                    response::body);
        }
    }

    private static String pick(FuzzedDataProvider input, String[] choices) {
        return choices[input.consumeInt(0, choices.length - 1)];
    }

    /** The service as a URL path: each segment percent-encoded, so that any string makes a request. */
    private static String path(String service) {
        return URLEncoder.encode(service, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
    }

    /** What an HTTP client can put in a header: visible ASCII and spaces; anything else becomes '?'. */
    private static String printable(String value) {
        StringBuilder printable = new StringBuilder();
        value.chars().forEach(c -> printable.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return printable.toString().strip();
    }
}
