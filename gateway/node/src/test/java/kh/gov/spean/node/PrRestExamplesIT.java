package kh.gov.spean.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kh.gov.spean.id.MemberId;

/**
 * The examples of X-Road's message protocol for REST (its chapter 6, and the error categories of §4.6), replayed
 * through two nodes: Economy and Finance's tax department calls the examples' pet store, a provider of its own
 * (member {@code KH/COM/222}, service {@code TESTSERVICE/petstore}, its service URL the store's root) whose backend
 * answers what the specification shows, described by an OpenAPI document of its own that both nodes check each call
 * against. Each status, header and body is compared with the specification's.
 */
class PrRestExamplesIT {

    static final MemberId STORE = MemberId.parse("KH/COM/222");
    static final String CLIENT = "KH/GOV/MEF/TAX-REGISTRY";
    static final String SERVICE = "KH/COM/222/TESTSERVICE/petstore";
    static final String PET_1124 = """
            {"id":1124,"name":"Siddu","photoUrls":[],"tags":[],"status":"Offline"}""";
    static final String DOGGIE = """
            { "id": 0, "category": { "id": 0, "name": "string" }, "name": "doggie", "photoUrls": [ "string" ], \
            "tags": [ { "id": 0, "name": "string" } ], "status": "available"}""";

    @TempDir
    static Path data;
    @TempDir
    static Path root;
    static TestNetwork network;
    static WireMockServer store;

    @BeforeAll
    static void start() throws Exception {
        federationWithThePetStore(TestNetwork.repositoryRoot(), root);
        network = TestNetwork.start(data, root, Duration.ofSeconds(30), UnaryOperator.identity(), TestNetwork.MEF,
                STORE);
        store = network.backend("petstore");
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void get_request_and_response() throws Exception {
        store.stubFor(request("GET", urlEqualTo("/v2/pets/1124")).willReturn(json(200, PET_1124)));

        HttpResponse<byte[]> answer = call("GET", "/v2/pets/1124", null, Map.of("accept", "application/json"));

        assertEquals(200, answer.statusCode(), text(answer));
        assertEquals("application/json;charset=utf-8", header(answer, "Content-Type"));
        assertSetByTheNodes(answer);
        assertEquals(parse(PET_1124), parse(answer.body()));
        LoggedRequest received = received("/v2/pets/1124");
        assertEquals("GET", received.getMethod().getName());
        assertEquals("application/json", received.getHeader("accept"));
    }

    @Test
    void put_request_and_response() throws Exception {
        String stored = DOGGIE.replace("\"id\": 0, \"category\"", "\"id\": 5657082955040009, \"category\"");
        store.stubFor(request("PUT", urlEqualTo("/v2/pets/5657082955040009")).willReturn(json(200, stored)));

        HttpResponse<byte[]> answer = call("PUT", "/v2/pets/5657082955040009", DOGGIE.getBytes(StandardCharsets.UTF_8),
                Map.of("accept", "application/json", "Content-Type", "application/json"));

        assertEquals(200, answer.statusCode(), text(answer));
        assertSetByTheNodes(answer);
        assertEquals(parse(stored), parse(answer.body()));
        LoggedRequest received = received("/v2/pets/5657082955040009");
        assertEquals("PUT", received.getMethod().getName());
        assertEquals(DOGGIE, received.getBodyAsString(), "the body as the client sent it");
        assertEquals("application/json", received.getHeader("Content-Type"));
    }

    @Test
    void post_request_and_response() throws Exception {
        String stored = DOGGIE.replace("\"id\": 0, \"category\"", "\"id\": 5657082955040122, \"category\"");
        store.stubFor(request("POST", urlEqualTo("/v2/pets")).willReturn(json(200, stored)));

        HttpResponse<byte[]> answer = call("POST", "/v2/pets", DOGGIE.getBytes(StandardCharsets.UTF_8),
                Map.of("accept", "application/json", "Content-Type", "application/json"));

        assertEquals(200, answer.statusCode(), text(answer));
        assertSetByTheNodes(answer);
        assertEquals(5657082955040122L, parse(answer.body()).getJsonNumber("id").longValue());
        assertEquals(DOGGIE, received("/v2/pets").getBodyAsString());
    }

    @Test
    void delete_request_and_response() throws Exception {
        store.stubFor(request("DELETE", urlEqualTo("/v2/pets/1124")).willReturn(aResponse().withStatus(200)));

        HttpResponse<byte[]> answer = call("DELETE", "/v2/pets/1124", null, Map.of("accept", "application/json"));

        assertEquals(200, answer.statusCode(), text(answer));
        assertSetByTheNodes(answer);
        assertEquals(0, answer.body().length);
        assertEquals("DELETE", received("/v2/pets/1124").getMethod().getName());
    }

    @Test
    void post_request_with_an_attachment_and_response() throws Exception {
        byte[] photo = new byte[170_025];
        new java.util.Random(1124).nextBytes(photo);
        String boundary = "spean-" + UUID.randomUUID();
        byte[] multipart = multipart(boundary, "A-fluffy-cat-looking-funny-surprised-or-concerned.jpg", photo);
        store.stubFor(request("POST", urlEqualTo("/v2/pets/1124/images"))
                .withHeader("Content-Type", equalTo("multipart/form-data; boundary=" + boundary))
                .willReturn(json(200, """
                        {"code":200,"type":null,"message":"additionalMetadata: null\\nFile uploaded to ./file, 170025 bytes"}""")));

        HttpResponse<byte[]> answer = call("POST", "/v2/pets/1124/images", multipart,
                Map.of("accept", "application/json", "Content-Type", "multipart/form-data; boundary=" + boundary));

        assertEquals(200, answer.statusCode(), text(answer));
        assertSetByTheNodes(answer);
        JsonObject outcome = parse(answer.body());
        assertEquals(200, outcome.getInt("code"));
        assertEquals(JsonValue.NULL, outcome.get("type"));
        assertTrue(outcome.getString("message").endsWith("170025 bytes"));
        assertArrayEquals(multipart, received("/v2/pets/1124/images").getBody(), "the attachment byte for byte");
    }

    @Test
    void category_1_the_providers_own_error_comes_back_as_it_is() throws Exception {
        String refusal = """
                {"timestamp":"2019-03-21T09:45:19.904Z","status":405,"error":"Method Not Allowed",\
                "message":"Request method 'PUT' not supported","path":"/v2/pets/77"}""";
        store.stubFor(request("PUT", urlEqualTo("/v2/pets/77")).willReturn(json(405, refusal)));

        HttpResponse<byte[]> answer = call("PUT", "/v2/pets/77", DOGGIE.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));

        assertEquals(405, answer.statusCode(), text(answer));
        assertTrue(answer.headers().firstValue("X-Road-Error").isEmpty(), "not an error of the nodes: " + text(answer));
        assertSetByTheNodes(answer);
        assertEquals(parse(refusal), parse(answer.body()));
    }

    @Test
    void category_2_a_provider_that_cannot_answer_gets_a_server_error_from_the_providers_node() throws Exception {
        store.stubFor(request("GET", urlEqualTo("/v2/pets/13"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<byte[]> answer = call("GET", "/v2/pets/13", null, Map.of());

        assertXRoadError(answer, "server.");
        assertTrue(answer.statusCode() >= 500, text(answer));
    }

    @Test
    void category_3_a_request_outside_the_protocol_gets_a_client_error_from_the_clients_node() throws Exception {
        int before = store.getAllServeEvents().size();
        HttpRequest noClient = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + SERVICE
                + "/v2/pets/1124")).timeout(Duration.ofSeconds(30)).GET().build();

        HttpResponse<byte[]> answer = network.http(network.mef(), CLIENT).send(noClient,
                HttpResponse.BodyHandlers.ofByteArray());

        assertXRoadError(answer, "client.");
        assertEquals(400, answer.statusCode(), text(answer));
        assertEquals(before, store.getAllServeEvents().size(), "nothing reached the store");
    }

    @Test
    void what_the_stores_description_does_not_declare_is_refused_before_the_store() throws Exception {
        int before = store.getAllServeEvents().size();

        HttpResponse<byte[]> inventories = call("GET", "/v2/store/inventories", null, Map.of());
        HttpResponse<byte[]> patch = call("PATCH", "/v2/pets/1124", DOGGIE.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        HttpResponse<byte[]> xml = call("POST", "/v2/pets", "<pet/>".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml"));

        assertXRoadError(inventories, "client.");
        assertEquals(404, inventories.statusCode(), text(inventories));
        assertXRoadError(patch, "client.");
        assertEquals(405, patch.statusCode(), text(patch));
        assertEquals("GET, PUT, DELETE", header(patch, "Allow"));
        assertXRoadError(xml, "client.");
        assertEquals(415, xml.statusCode(), text(xml));
        assertEquals(before, store.getAllServeEvents().size(), "nothing reached the store");
    }

    /** The headers PR-REST §4.3 says the nodes set on every answer, the client's and service's as called. */
    private static void assertSetByTheNodes(HttpResponse<byte[]> answer) {
        assertEquals(CLIENT, header(answer, "x-road-client"));
        assertEquals(SERVICE, header(answer, "x-road-service"));
        assertFalse(header(answer, "x-road-id").isBlank());
        assertFalse(header(answer, "x-road-request-id").isBlank());
        assertEquals(64, Base64.getDecoder().decode(header(answer, "x-road-request-hash")).length, "a SHA-512");
    }

    /** An error of the nodes (§4.6): X-Road-Error, and a JSON body with the same type, a message and a detail. */
    private static void assertXRoadError(HttpResponse<byte[]> answer, String typePrefix) {
        String type = header(answer, "X-Road-Error");
        assertTrue(type.startsWith(typePrefix), text(answer));
        assertTrue(header(answer, "Content-Type").startsWith("application/json"), text(answer));
        JsonObject body = parse(answer.body());
        assertEquals(type, body.getString("type"));
        assertFalse(body.getString("message").isBlank());
        assertFalse(body.getString("detail").isBlank());
    }

    private static HttpResponse<byte[]> call(String method, String pathAndQuery, byte[] body,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + SERVICE
                        + pathAndQuery)).timeout(Duration.ofSeconds(30)).header("X-Road-Client", CLIENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return network.http(network.mef(), CLIENT).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body);
    }

    private static LoggedRequest received(String url) {
        return store.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> request.getUrl().equals(url)).findFirst().orElseThrow();
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        bytes.write(content);
        bytes.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    private static String header(HttpResponse<byte[]> answer, String name) {
        Optional<String> value = answer.headers().firstValue(name);
        assertTrue(value.isPresent(), name + " missing: " + text(answer));
        return value.get();
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    private static String text(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + response.headers().map() + " "
                + new String(response.body(), StandardCharsets.UTF_8);
    }

    /**
     * A copy of the repository's federation seed, schemas and connectors, with the pet store added: member
     * {@code KH/COM/222} with subsystem TESTSERVICE, service petstore, its connector and schemas, and the tax
     * department's right to call it.
     */
    private static void federationWithThePetStore(Path repository, Path copy) throws Exception {
        copyTree(repository.resolve("schemas"), copy.resolve("schemas"));
        copyTree(repository.resolve("connectors"), copy.resolve("connectors"));
        Path fixtures = Path.of(PrRestExamplesIT.class.getResource("/pr-rest").toURI());
        copyTree(fixtures.resolve("schemas"), copy.resolve("schemas"));
        copyTree(fixtures.resolve("connector"), copy.resolve("connectors/petstore"));
        JsonObject seed = parse(Files.readString(repository.resolve("seeds/federation.json")));
        JsonObject withStore = Json.createObjectBuilder(seed)
                .add("members", Json.createArrayBuilder(seed.getJsonArray("members")).add(Json.createObjectBuilder()
                        .add("id", STORE.toString()).add("name", "Pet store of the REST protocol's examples")
                        .add("nameKm", "ហាងសត្វចិញ្ចឹម").add("subsystems", Json.createArrayBuilder().add("TESTSERVICE"))))
                .add("services", Json.createArrayBuilder(seed.getJsonArray("services")).add(Json.createObjectBuilder()
                        .add("id", SERVICE).add("description", "The examples' pet store.")
                        .add("requestSchema", "petstore.pet.request/v1")
                        .add("responseSchema", "petstore.pet.response/v1").add("openapi", "petstore.openapi/v1")))
                .add("accessRights", Json.createArrayBuilder(seed.getJsonArray("accessRights")).add(Json.createObjectBuilder()
                        .add("client", CLIENT).add("service", SERVICE)))
                .build();
        Files.createDirectories(copy.resolve("seeds"));
        Files.writeString(copy.resolve("seeds/federation.json"), withStore.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
