package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * The hostile-input corpus ({@code hostile/payloads.json}), each case both at the REST ingress of the client's node and
 * sealed in a genuinely signed envelope written straight into the provider's inbox by a member that skips its own
 * node: the named code, no backend hit, a rejection entry in the refusing node's message log, the node still serving.
 */
class HostileInputIT {

    record Case(String name, byte[] body, String expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path data;
    static TestNetwork network;
    static KafkaProducer<byte[], byte[]> member;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20));
        member = new KafkaProducer<>(KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(),
                KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties());
    }

    @AfterAll
    static void stop() {
        member.close();
        network.close();
    }

    static Stream<Case> corpus() throws Exception {
        try (InputStream file = HostileInputIT.class.getResourceAsStream("/hostile/payloads.json");
             JsonReader reader = Json.createReader(file)) {
            return reader.readObject().getJsonArray("cases").stream().map(JsonValue::asJsonObject)
                    .map(entry -> new Case(entry.getString("name"), body(entry), entry.getString("expect"))).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} at the REST ingress")
    @MethodSource("corpus")
    void is_refused_at_the_rest_ingress_with_its_code(Case hostile) throws Exception {
        int hitsBefore = network.backendHits();

        HttpResponse<String> response = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY,
                TestNetwork.VERIFY_CITIZEN, hostile.body(), "application/json");

        ErrorCode code = ErrorCode.fromCode(hostile.expect());
        HttpEdgeRejectionIT.assertProblem(response, code.httpStatus(), code.code());
        assertEquals(hitsBefore, network.backendHits(), "the backend must not be called");
        String digest = Digests.hex(Digests.sha256(hostile.body()));
        assertTrue(rejections(network.mef(), code).stream().anyMatch(entry -> digest.equals(entry.recordSha256())),
                "the client's node logs the refusal with the body's digest");
        assertStillServing();
    }

    @ParameterizedTest(name = "{0} written straight into Kafka")
    @MethodSource("corpus")
    void is_refused_by_the_provider_when_a_member_skips_its_own_node(Case hostile) throws Exception {
        int hitsBefore = network.backendHits();
        Envelope envelope = network.verifyCitizenRequest(hostile.body());
        var refusal = network.refusalOf(envelope.header().id());

        member.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MOI),
                envelope.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(envelope))).get();

        NodeEvents.Rejection rejection = refusal.get(30, TimeUnit.SECONDS);
        assertEquals(hostile.expect(), rejection.code().code(), rejection::detail);
        assertEquals(TestNetwork.MOI, rejection.node());
        assertEquals(hitsBefore, network.backendHits(), "the backend must not be called");
        String id = envelope.header().id().toString();
        assertTrue(rejections(network.moi(), rejection.code()).stream().anyMatch(entry -> id.equals(entry.envelopeId())),
                "the provider's node logs the refusal with the envelope's id");
        assertStillServing();
    }

    private static List<LogEntry> rejections(GatewayNode node, ErrorCode code) throws Exception {
        List<LogEntry> found = new ArrayList<>();
        LogReader.forEach(node.log().files(), stored -> {
            if (LogEntryKind.REJECTED.wireName().equals(stored.entry().kind()) && code.code().equals(stored.entry().result())) {
                found.add(stored.entry());
            }
        });
        return found;
    }

    private static void assertStillServing() throws Exception {
        HttpResponse<String> answer = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN,
                "{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}");
        assertEquals(200, answer.statusCode(), answer.body());
    }

    /** The case's body: its text, or generated from its recipe when too large or too odd to keep as a file. */
    private static byte[] body(JsonObject entry) {
        if (entry.containsKey("text")) {
            return entry.getString("text").getBytes(StandardCharsets.UTF_8);
        }
        JsonObject recipe = entry.getJsonObject("generate");
        if (recipe.containsKey("nestedArrays")) {
            int depth = recipe.getInt("nestedArrays");
            return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        }
        if (recipe.containsKey("hex")) {
            return HexFormat.of().parseHex(recipe.getString("hex"));
        }
        if (recipe.containsKey("keys")) {
            StringBuilder json = new StringBuilder("{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"");
            for (int i = 0; i < recipe.getInt("keys"); i++) {
                json.append(",\"k").append(i).append("\":").append(i);
            }
            return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
        if (recipe.containsKey("paddedTo")) {
            String start = "{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\",\"padding\":\"";
            int size = recipe.getInt("paddedTo");
            return (start + "x".repeat(size - start.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("unknown recipe in case " + entry.getString("name"));
    }
}
