package kh.gov.spean.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * Each service's OpenAPI description, held at both nodes: the tax department's calls on Land Management's register
 * that the description does not allow are refused by Economy and Finance's node with their own code — logged, and
 * never reaching Kafka or the register — and the same refusals at Land Management's node when a member skips its own
 * node and writes the envelope itself; the register's 2xx answer that breaks the description is refused there too.
 */
class OpenApiValidationIT {

    static final String TAX = RestProtocolIT.TAX;
    static final String LAND_TITLES = RestProtocolIT.LAND_TITLES;
    static final String TITLE = RestProtocolIT.TITLE;

    @TempDir
    static Path data;
    static TestNetwork network;
    static WireMockServer register;
    static KafkaProducer<byte[], byte[]> member;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(30), settings -> settings, TestNetwork.MEF,
                TestNetwork.MLMUPC);
        register = network.backend("mlmupc-land-registry");
        member = new KafkaProducer<>(KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(),
                KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties());
    }

    @AfterAll
    static void stop() {
        member.close();
        network.close();
    }

    @Test
    void an_undeclared_path_is_refused_404_logged_and_never_reaches_the_register() throws Exception {
        HttpResponse<byte[]> refused = refusedAtTheClientsNode(ErrorCode.UNKNOWN_PATH,
                () -> send("GET", "/titles/" + TITLE + "/owners", null, Map.of()));
        assertEquals(404, refused.statusCode());
        JsonObject body = json(refused);
        assertEquals("client.unknown_path", body.getString("type"));
        assertTrue(body.getString("message").contains("/titles/" + TITLE + "/owners"), body.toString());
        assertFalse(body.getString("detail").isEmpty());
    }

    @Test
    void a_method_the_path_does_not_serve_is_refused_405_with_the_methods_it_serves_in_allow() throws Exception {
        HttpResponse<byte[]> refused = refusedAtTheClientsNode(ErrorCode.METHOD_NOT_ALLOWED,
                () -> send("POST", "/titles/" + TITLE, "{\"status\":\"registered\"}".getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/json", "Accept", "application/xml")));
        assertEquals(405, refused.statusCode());
        assertEquals("GET, PUT, DELETE", refused.headers().firstValue("Allow").orElseThrow());
        assertTrue(text(refused).contains("<type>client.method_not_allowed</type>"), "X-Road's body, as XML: " + text(refused));

        HttpResponse<byte[]> onTheCertificate = refusedAtTheClientsNode(ErrorCode.METHOD_NOT_ALLOWED,
                () -> send("DELETE", "/titles/" + TITLE + "/certificate", null, Map.of()));
        assertEquals("GET", onTheCertificate.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void a_content_type_the_operation_does_not_declare_is_refused_415() throws Exception {
        HttpResponse<byte[]> refused = refusedAtTheClientsNode(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                () -> send("PUT", "/titles/" + TITLE, "status=mortgaged".getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/x-www-form-urlencoded")));
        assertEquals(415, refused.statusCode());
        assertEquals("client.unsupported_media_type", json(refused).getString("type"));

        HttpResponse<byte[]> pdfAsJson = refusedAtTheClientsNode(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                () -> send("POST", "/titles/" + TITLE + "/scans", "{}".getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/json")));
        assertEquals(415, pdfAsJson.statusCode());
    }

    @Test
    void a_missing_or_invalid_parameter_or_body_is_refused_400() throws Exception {
        HttpResponse<byte[]> badNumber = refusedAtTheClientsNode(ErrorCode.REQUEST_INVALID,
                () -> send("GET", "/titles/not-a-title", null, Map.of()));
        assertEquals(400, badNumber.statusCode());
        assertTrue(json(badNumber).getString("message").contains("not-a-title"), text(badNumber));

        refusedAtTheClientsNode(ErrorCode.REQUEST_INVALID,
                () -> send("GET", "/titles/" + TITLE + "?fields=owner", null, Map.of()));
        refusedAtTheClientsNode(ErrorCode.REQUEST_INVALID,
                () -> send("GET", "/titles/" + TITLE + "?undeclared=1", null, Map.of()));
        refusedAtTheClientsNode(ErrorCode.REQUEST_INVALID,
                () -> send("PUT", "/titles/" + TITLE, null, Map.of("Content-Type", "application/json")));
        HttpResponse<byte[]> badBody = refusedAtTheClientsNode(ErrorCode.SCHEMA_INVALID,
                () -> send("PUT", "/titles/" + TITLE, "{\"status\":\"sold\"}".getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/json")));
        assertEquals(400, badBody.statusCode());
    }

    @Test
    void what_the_description_declares_still_passes_a_charset_included() throws Exception {
        HttpResponse<byte[]> title = send("GET", "/titles/" + TITLE + "?fields=parcel&fields=status", null,
                Map.of("Accept", "application/json"));
        assertEquals(200, title.statusCode(), text(title));
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/KP-0789-01234")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"titleNumber\":\"KP-0789-01234\",\"status\":\"mortgaged\"}")));
        HttpResponse<byte[]> put = send("PUT", "/titles/KP-0789-01234",
                "{\"status\":\"mortgaged\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json; charset=utf-8"));
        assertEquals(200, put.statusCode(), text(put));
    }

    @Test
    void a_request_tampered_into_an_undeclared_path_is_refused_at_the_providers_node() throws Exception {
        int hitsBefore = register.getAllServeEvents().size();
        Envelope envelope = sealedByEconomyAndFinance("GET", "/titles/" + TITLE + "/owners");
        var refusal = network.refusalOf(envelope.header().id());

        member.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MLMUPC),
                envelope.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(envelope))).get();

        NodeEvents.Rejection rejection = refusal.get(30, TimeUnit.SECONDS);
        assertEquals(ErrorCode.UNKNOWN_PATH, rejection.code(), rejection::detail);
        assertEquals(TestNetwork.MLMUPC, rejection.node());
        assertEquals(1, rejectionsWithEnvelope(TestNetwork.MLMUPC, ErrorCode.UNKNOWN_PATH, envelope.header().id().toString()),
                "Land Management's node logs the refusal with the envelope's id");
        assertEquals(hitsBefore, register.getAllServeEvents().size(), "the register was not called");

        Envelope wrongMethod = sealedByEconomyAndFinance("PATCH", "/titles/" + TITLE);
        var methodRefusal = network.refusalOf(wrongMethod.header().id());
        member.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MLMUPC),
                wrongMethod.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(wrongMethod))).get();
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, methodRefusal.get(30, TimeUnit.SECONDS).code());
        assertEquals(hitsBefore, register.getAllServeEvents().size(), "the register was not called");
    }

    @Test
    void a_registers_2xx_answer_that_breaks_the_description_is_refused_at_the_providers_node() throws Exception {
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/ZZ-0001-00001")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html>title ZZ-0001-00001</html>")));
        int before = rejections(TestNetwork.MLMUPC, ErrorCode.RESPONSE_SCHEMA_INVALID);

        HttpResponse<byte[]> answer = send("GET", "/titles/ZZ-0001-00001", null, Map.of());

        assertEquals(502, answer.statusCode(), text(answer));
        assertEquals("server.response_schema_invalid", answer.headers().firstValue("X-Road-Error").orElseThrow());
        assertFalse(text(answer).contains("<html>"), "the broken answer is not passed on");
        assertEquals(before + 1, rejections(TestNetwork.MLMUPC, ErrorCode.RESPONSE_SCHEMA_INVALID),
                "Land Management's node logs its refusal of its own backend's answer");
    }

    /** Sends a call the client's node must refuse with {@code code}: the refusal logged there, nothing at the register. */
    private HttpResponse<byte[]> refusedAtTheClientsNode(ErrorCode code, Call call) throws Exception {
        int hitsBefore = register.getAllServeEvents().size();
        int loggedBefore = rejections(TestNetwork.MEF, code);
        int providerLogBefore = entries(TestNetwork.MLMUPC);

        HttpResponse<byte[]> refused = call.send();

        assertEquals(code.httpStatus(), refused.statusCode(), text(refused));
        assertEquals(code.code(), refused.headers().firstValue("X-Road-Error").orElseThrow());
        assertEquals(loggedBefore + 1, rejections(TestNetwork.MEF, code), "the client's node logs the refusal");
        assertEquals(hitsBefore, register.getAllServeEvents().size(), "the register was not called");
        assertEquals(providerLogBefore, entries(TestNetwork.MLMUPC),
                "nothing reached the provider's node");
        return refused;
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<byte[]> send() throws Exception;
    }

    /** A request as Economy and Finance's keys sign it, but written by hand: its node's checks skipped. */
    private static Envelope sealedByEconomyAndFinance(String method, String target) {
        Federation federation = network.federation();
        ServiceId service = ServiceId.parse(LAND_TITLES);
        Federation.Service entry = federation.service(service).orElseThrow();
        EnvelopeDraft draft = EnvelopeDraft.request(SubsystemId.parse(TAX), service, entry.requestSchema(),
                federation.schemaDigest(entry.requestSchema()).orElseThrow());
        return new EnvelopeSealer(network.keys(TestNetwork.MEF), Clock.systemUTC(), Duration.ofMinutes(5)).seal(
                draft.withRest(RestFields.request(method, draft.id().toString(), null, TestNetwork.OFFICIAL, null, null,
                        "TAX_ASSESSMENT")),
                new RestFrame(target, List.of()), new byte[0],
                federation.member(TestNetwork.MLMUPC).orElseThrow().encryptionCertificate()).envelope();
    }

    private static int rejections(MemberId node, ErrorCode code) throws Exception {
        AtomicInteger found = new AtomicInteger();
        LogReader.forEach(network.node(node).log().files(), stored -> {
            if (LogEntryKind.REJECTED.wireName().equals(stored.entry().kind()) && code.code().equals(stored.entry().result())) {
                found.incrementAndGet();
            }
        });
        return found.get();
    }

    private static int entries(MemberId node) throws Exception {
        AtomicInteger found = new AtomicInteger();
        LogReader.forEach(network.node(node).log().files(), stored -> found.incrementAndGet());
        return found.get();
    }

    private static int rejectionsWithEnvelope(MemberId node, ErrorCode code, String envelopeId) throws Exception {
        AtomicInteger found = new AtomicInteger();
        LogReader.forEach(network.node(node).log().files(), stored -> {
            if (LogEntryKind.REJECTED.wireName().equals(stored.entry().kind()) && code.code().equals(stored.entry().result())
                    && envelopeId.equals(stored.entry().envelopeId())) {
                found.incrementAndGet();
            }
        });
        return found.get();
    }

    private HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + LAND_TITLES
                        + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("X-Road-Client", TAX)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        TestNetwork.declaring("TAX_ASSESSMENT", headers).forEach(request::header);
        return network.http(network.mef(), TAX).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        return Json.createReader(new java.io.ByteArrayInputStream(response.body())).readObject();
    }

    private static String text(HttpResponse<byte[]> response) {
        return response.headers().map() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
}
