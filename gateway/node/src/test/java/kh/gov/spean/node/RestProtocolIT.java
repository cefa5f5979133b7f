package kh.gov.spean.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * X-Road's REST protocol (PR-REST) through two nodes, Economy and Finance's tax department calling Land Management's
 * register: any method, the path and query after the service id, any body, the X-Road headers, user-defined headers
 * both ways, the register's own answers passed on as they are; what may escape the service's URL refused with a code
 * before any backend call; and nothing of a payload, target or user header readable on Kafka.
 */
class RestProtocolIT {

    static final String TAX = "KH/GOV/MEF/TAX-REGISTRY";
    static final String LAND_TITLES = "KH/GOV/MLMUPC/LAND-REGISTRY/landTitles";
    static final String TITLE = "PP-0123-04567";

    @TempDir
    static Path data;
    static TestNetwork network;
    static WireMockServer register;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(30), settings -> settings, TestNetwork.MEF,
                TestNetwork.MLMUPC);
        register = network.backend("mlmupc-land-registry");
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void a_get_reaches_the_register_with_its_path_query_and_headers_and_comes_back_with_the_x_road_headers()
            throws Exception {
        HttpResponse<byte[]> answer = send("GET", "/titles/" + TITLE + "?fields=parcel&fields=status&q=%C3%A9", null,
                Map.of("X-Road-UserId", "KH010203040", "X-Road-Issue", "TAX-2026-0042", "Accept", "application/json",
                        "X-Trace-Case", "case-17", "X-Road-Id", "tax-call-0001"));

        assertEquals(200, answer.statusCode(), text(answer));
        assertEquals("tax-call-0001", answer.headers().firstValue("X-Road-Id").orElseThrow());
        assertEquals(TAX, answer.headers().firstValue("X-Road-Client").orElseThrow());
        assertEquals(LAND_TITLES, answer.headers().firstValue("X-Road-Service").orElseThrow());
        assertTrue(answer.headers().firstValue("X-Road-Request-Hash").isPresent());
        String requestId = answer.headers().firstValue("X-Road-Request-Id").orElseThrow();
        assertEquals("Phnom Penh", json(answer).getJsonObject("parcel").getString("province"));

        LoggedRequest received = lastRequestTo(register, "/land-registry/v2/titles/" + TITLE);
        assertEquals("GET", received.getMethod().getName());
        assertEquals("/land-registry/v2/titles/" + TITLE + "?fields=parcel&fields=status&q=%C3%A9", received.getUrl());
        assertEquals("KH010203040", received.getHeader("X-Road-UserId"));
        assertEquals("TAX-2026-0042", received.getHeader("X-Road-Issue"));
        assertEquals("TAX_ASSESSMENT", received.getHeader("X-Spean-Purpose"));
        assertEquals("tax-call-0001", received.getHeader("X-Road-Id"));
        assertEquals(requestId, received.getHeader("X-Road-Request-Id"));
        assertEquals("case-17", received.getHeader("X-Trace-Case"));
        assertEquals("application/json", received.getHeader("Accept"));
    }

    @Test
    void a_put_and_a_delete_reach_the_register_with_their_method_and_user_headers_come_back() throws Exception {
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/KP-0789-01234")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-Register-Revision", "r-912")
                        .withBody("{\"titleNumber\":\"KP-0789-01234\",\"status\":\"mortgaged\"}")));
        HttpResponse<byte[]> put = send("PUT", "/titles/KP-0789-01234",
                "{\"status\":\"mortgaged\",\"note\":\"ACLEDA\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        assertEquals(200, put.statusCode(), text(put));
        assertEquals("r-912", put.headers().firstValue("X-Register-Revision").orElseThrow());
        LoggedRequest updated = lastRequestTo(register, "/land-registry/v2/titles/KP-0789-01234");
        assertEquals("PUT", updated.getMethod().getName());
        assertEquals("{\"status\":\"mortgaged\",\"note\":\"ACLEDA\"}", updated.getBodyAsString());

        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/SR-0456-00321")).atPriority(1)
                .willReturn(aResponse().withStatus(204)));
        HttpResponse<byte[]> deleted = send("DELETE", "/titles/SR-0456-00321", null, Map.of());
        assertEquals(204, deleted.statusCode(), text(deleted));
        assertEquals("DELETE", lastRequestTo(register, "/land-registry/v2/titles/SR-0456-00321").getMethod().getName());
    }

    @Test
    void cache_headers_pass_as_they_are_both_ways() throws Exception {
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/BB-0001-00001")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "no-cache, no-store, must-revalidate").withHeader("Pragma", "no-cache")
                        .withHeader("Expires", "0").withHeader("ETag", "\"r-17\"")
                        .withHeader("Last-Modified", "Thu, 21 Mar 2019 09:45:19 GMT")
                        .withHeader("Warning", "110 register \"Response is stale\"")
                        .withHeader("Via", "1.1 register-cache")
                        .withBody("{\"titleNumber\":\"BB-0001-00001\",\"status\":\"registered\"}")));

        HttpResponse<byte[]> answer = send("GET", "/titles/BB-0001-00001", null,
                Map.of("Cache-Control", "max-age=0", "Pragma", "no-cache", "If-None-Match", "\"r-16\""));

        assertEquals(200, answer.statusCode(), text(answer));
        assertEquals("no-cache, no-store, must-revalidate", answer.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-cache", answer.headers().firstValue("Pragma").orElseThrow());
        assertEquals("0", answer.headers().firstValue("Expires").orElseThrow());
        assertEquals("\"r-17\"", answer.headers().firstValue("ETag").orElseThrow());
        assertEquals("Thu, 21 Mar 2019 09:45:19 GMT", answer.headers().firstValue("Last-Modified").orElseThrow());
        assertEquals("110 register \"Response is stale\"", answer.headers().firstValue("Warning").orElseThrow());
        assertEquals("1.1 register-cache", answer.headers().firstValue("Via").orElseThrow());
        LoggedRequest received = lastRequestTo(register, "/land-registry/v2/titles/BB-0001-00001");
        assertEquals("max-age=0", received.getHeader("Cache-Control"));
        assertEquals("no-cache", received.getHeader("Pragma"));
        assertEquals("\"r-16\"", received.getHeader("If-None-Match"));
    }

    @Test
    void compression_is_per_hop_and_an_encoded_answer_comes_back_as_encoded() throws Exception {
        String plain = "{\"titleNumber\":\"BB-0002-00002\",\"status\":\"registered\"}";
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/BB-0002-00002")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(plain)));
        HttpResponse<byte[]> json = send("GET", "/titles/BB-0002-00002", null, Map.of("Accept-Encoding", "gzip"));
        assertEquals(200, json.statusCode(), text(json));
        assertTrue(json.headers().firstValue("Content-Encoding").isEmpty(), text(json));
        assertEquals(plain, new String(json.body(), StandardCharsets.UTF_8));
        assertFalse(lastRequestTo(register, "/land-registry/v2/titles/BB-0002-00002").containsHeader("Accept-Encoding"),
                "the nodes validate what they carry, so the register is asked for no encoding");

        byte[] certificate = gzip("%PDF-1.7 certificate of BB-0002-00002");
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/BB-0002-00002/certificate")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Encoding", "gzip").withBody(certificate)));
        HttpResponse<byte[]> pdf = send("GET", "/titles/BB-0002-00002/certificate", null, Map.of());
        assertEquals(200, pdf.statusCode(), text(pdf));
        assertEquals("gzip", pdf.headers().firstValue("Content-Encoding").orElseThrow());
        assertArrayEquals(certificate, pdf.body(), "neither unpacked nor packed again on the way");
    }

    @Test
    void a_client_cannot_pose_a_content_type_through_the_nodes_own_form_header() throws Exception {
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/BB-0003-00003")).atPriority(1)
                .willReturn(aResponse().withStatus(204)));

        HttpResponse<byte[]> put = send("PUT", "/titles/BB-0003-00003",
                "{\"status\":\"disputed\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-Spean-Form-Content-Type", "text/html"));

        assertEquals(204, put.statusCode(), text(put));
        LoggedRequest received = lastRequestTo(register, "/land-registry/v2/titles/BB-0003-00003");
        assertEquals("application/json", received.getHeader("Content-Type"));
        assertFalse(received.containsHeader("X-Spean-Form-Content-Type"));
    }

    @Test
    void a_pdf_arrives_byte_for_byte_both_ways() throws Exception {
        HttpResponse<byte[]> certificate = send("GET", "/titles/" + TITLE + "/certificate", null, Map.of());
        assertEquals(200, certificate.statusCode(), text(certificate));
        assertEquals("application/pdf", certificate.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(Files.readAllBytes(TestNetwork.repositoryRoot().resolve(
                "connectors/mlmupc-land-registry/wiremock/__files/certificate-pp-0123-04567.pdf")), certificate.body());

        byte[] scan = new byte[300_000];
        new java.util.Random(7).nextBytes(scan);
        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/" + TITLE + "/scans")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Location", "/titles/" + TITLE + "/scans/1")));
        HttpResponse<byte[]> filed = send("POST", "/titles/" + TITLE + "/scans", scan,
                Map.of("Content-Type", "application/pdf"));
        assertEquals(201, filed.statusCode(), text(filed));
        assertEquals("/titles/" + TITLE + "/scans/1", filed.headers().firstValue("Location").orElseThrow());
        LoggedRequest received = lastRequestTo(register, "/land-registry/v2/titles/" + TITLE + "/scans");
        assertArrayEquals(Digests.sha256(scan), Digests.sha256(received.getBody()));
        assertEquals("application/pdf", received.getHeader("Content-Type"));

        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/" + TITLE + "/scans/1")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(scan)));
        HttpResponse<byte[]> fetched = send("GET", "/titles/" + TITLE + "/scans/1", null, Map.of());
        assertArrayEquals(Digests.sha256(scan), Digests.sha256(fetched.body()));
    }

    @Test
    void the_registers_own_404_409_and_redirect_come_back_unchanged_without_x_road_error() throws Exception {
        HttpResponse<byte[]> missing = send("GET", "/titles/XX-0000-00000", null, Map.of());
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", json(missing).getString("error"));
        assertFalse(missing.headers().firstValue("X-Road-Error").isPresent());

        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/BB-0001-00001")).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"conflict\",\"detail\":\"the title is disputed in court\"}")));
        HttpResponse<byte[]> conflict = send("PUT", "/titles/BB-0001-00001",
                "{\"status\":\"registered\"}".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertEquals(409, conflict.statusCode());
        assertEquals("the title is disputed in court", json(conflict).getString("detail"));
        assertFalse(conflict.headers().firstValue("X-Road-Error").isPresent());

        register.stubFor(any(urlPathEqualTo("/land-registry/v2/titles/OLD-0001-00001")).atPriority(1)
                .willReturn(aResponse().withStatus(302).withHeader("Location", "http://elsewhere.example/titles/1")));
        HttpResponse<byte[]> moved = send("GET", "/titles/OLD-0001-00001", null, Map.of());
        assertEquals(302, moved.statusCode());
        assertEquals("http://elsewhere.example/titles/1", moved.headers().firstValue("Location").orElseThrow());
        assertFalse(moved.headers().firstValue("X-Road-Error").isPresent());
    }

    @Test
    void targets_that_could_leave_the_services_url_and_malformed_headers_are_refused_before_any_backend_call()
            throws Exception {
        int before = register.getAllServeEvents().size();
        for (String escape : List.of("/titles/../admin", "/titles/%2e%2e/admin", "/titles//admin", "/titles%2Fadmin",
                "/titles%5Cadmin", "/titles/%252e%252e/admin", "/http:%2F%2Fevil.example/x", "/titles/%00")) {
            HttpResponse<byte[]> refused = send("GET", escape, null, Map.of());
            assertEquals(400, refused.statusCode(), escape + ": " + text(refused));
            assertEquals("client.malformed_request", refused.headers().firstValue("X-Road-Error").orElse(""), escape);
        }
        HttpResponse<byte[]> tooLong = send("GET", "/titles?q=" + "a".repeat(2100), null, Map.of());
        assertEquals(414, tooLong.statusCode(), text(tooLong));
        assertEquals("client.target_too_long", tooLong.headers().firstValue("X-Road-Error").orElse(""));
        HttpResponse<byte[]> badUser = send("GET", "/titles/" + TITLE, null, Map.of("X-Road-UserId", "x".repeat(300)));
        assertEquals("client.malformed_request", badUser.headers().firstValue("X-Road-Error").orElse(""));
        HttpResponse<byte[]> badId = send("GET", "/titles/" + TITLE, null, Map.of("X-Road-Id", "two words"));
        assertEquals("client.malformed_request", badId.headers().firstValue("X-Road-Error").orElse(""));
        assertEquals(before, register.getAllServeEvents().size(), "no refused call reached the register");
    }

    @Test
    void spean_errors_carry_type_message_and_detail_as_json_xml_or_problem_json() throws Exception {
        HttpResponse<byte[]> json = send("GET", "/titles/" + TITLE, null, Map.of("X-Road-Id", "two words"));
        JsonObject body = json(json);
        assertEquals("client.malformed_request", body.getString("type"));
        assertTrue(body.getString("message").contains("X-Road-Id"), body.toString());
        assertFalse(body.getString("detail").isEmpty());

        HttpRequest unknown = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/KH/GOV/MLMUPC/LAND-REGISTRY/noSuchService/x"))
                .header("X-Road-Client", TAX).header("Accept", "application/xml").GET().build();
        HttpResponse<String> xml = http().send(unknown, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, xml.statusCode());
        assertTrue(xml.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        assertTrue(xml.body().contains("<type>client.unknown_service</type>"), xml.body());

        HttpRequest problem = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/KH/GOV/MLMUPC/LAND-REGISTRY/noSuchService"))
                .header("X-Road-Client", TAX).header("Accept", "application/problem+json").GET().build();
        HttpResponse<String> rfc9457 = http().send(problem, HttpResponse.BodyHandlers.ofString());
        assertEquals("application/problem+json", rfc9457.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("client.unknown_service", Json.createReader(new java.io.StringReader(rfc9457.body())).readObject()
                .getString("code"));
    }

    @Test
    void the_user_issue_and_purpose_are_in_the_signed_header_both_nodes_logged_and_nothing_else_is_readable_on_kafka()
            throws Exception {
        String secretHeader = "secret-" + UUID.randomUUID();
        String secretQuery = "q" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<byte[]> answer = send("GET", "/titles/" + TITLE + "?q=" + secretQuery, null,
                Map.of("X-Road-UserId", "KH998877665", "X-Road-Issue", "TAX-2026-0099", "X-Private-Note", secretHeader));
        assertEquals(200, answer.statusCode(), text(answer));
        String envelopeId = answer.headers().firstValue("X-Road-Id").orElseThrow();

        for (var member : List.of(TestNetwork.MEF, TestNetwork.MLMUPC)) {
            LogFiles log = new LogFiles(data.resolve(member.folderName()).resolve("log"));
            EnvelopeHeader header = EnvelopeCodec.decodeHeader(Digests.fromBase64(
                    LogReader.find(log, envelopeId).entry().entry().header()));
            assertEquals("KH998877665", header.rest().userId(), member.toString());
            assertEquals("TAX-2026-0099", header.rest().issue(), member.toString());
            assertEquals("TAX_ASSESSMENT", header.rest().purpose(), member.toString());
            assertEquals("GET", header.rest().method(), member.toString());
        }

        List<String> onKafka = records(Topics.inbox(TestNetwork.MLMUPC), Topics.answers(TestNetwork.MEF), envelopeId);
        assertFalse(onKafka.isEmpty());
        for (String record : onKafka) {
            assertFalse(record.contains(secretHeader) || record.contains(secretQuery) || record.contains(TITLE)
                    || record.contains("Phnom Penh"), "readable on Kafka: " + record);
        }
    }

    /** Every record of both topics, as text and with its header decoded, until the request's envelope has been seen. */
    private static List<String> records(String inbox, String answers, String envelopeId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> texts = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(inbox, answers)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String text = new String(record.value(), StandardCharsets.UTF_8);
                    texts.add(text + "\n" + headerOf(record.value()));
                }
            }
        }
        assertTrue(texts.stream().anyMatch(text -> text.contains(envelopeId)), "the request's envelope was on Kafka");
        return texts;
    }

    /**
     * The header of a record that is an envelope, for reading as text; nothing for one that is not (other tests on the
     * same broker write hostile records to these topics, which the nodes refuse).
     */
    private static String headerOf(byte[] record) {
        try {
            return new String(EnvelopeCodec.decode(record).headerBytes(), StandardCharsets.UTF_8);
        } catch (SpeanException notAnEnvelope) {
            return "";
        }
    }

    private HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + LAND_TITLES
                        + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("X-Road-Client", TAX)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        TestNetwork.declaring("TAX_ASSESSMENT", headers).forEach(request::header);
        return http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A client of the tax department's registered certificate, trusting Economy and Finance's edge. */
    private static HttpClient http() {
        return network.http(network.mef(), TAX);
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static LoggedRequest lastRequestTo(WireMockServer backend, String path) {
        return backend.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> request.getUrl().split("\\?")[0].equals(path)).findFirst().orElseThrow();
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        return Json.createReader(new java.io.ByteArrayInputStream(response.body())).readObject();
    }

    private static String text(HttpResponse<byte[]> response) {
        return response.headers().map() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
}
