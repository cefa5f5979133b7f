package kh.gov.spean.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import kh.gov.spean.RepositoryRoot;
import kh.gov.spean.federation.FederationConfiguration;
import kh.gov.spean.federation.FederationSeed;
import kh.gov.spean.json.SpeanJson;

/**
 * Every connector's example exchanges are sound: a service the seed declares, a client with the right to call it (or
 * the event's own publisher), a request its schema accepts, and only fields its response can hold.
 */
class ConnectorExamplesTest {

    static SchemaCatalog catalog;
    static FederationSeed seed;

    @BeforeAll
    static void load() throws IOException {
        catalog = SchemaCatalog.load(RepositoryRoot.path().resolve("schemas"));
        seed = SpeanJson.fromBytes(Files.readAllBytes(RepositoryRoot.path().resolve("seeds/federation.json")),
                FederationSeed.class);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(RepositoryRoot.path().resolve("connectors"), 3)) {
            List<Path> found = files.filter(file -> file.getParent().getFileName().toString().equals("examples")
                    && file.toString().endsWith(".json")).sorted().toList();
            assertFalse(found.isEmpty(), "no connector examples");
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void the_example_request_follows_its_services_schema_and_expects_only_response_fields(Path file) throws IOException {
        JsonObject example = read(file);
        FederationConfiguration.Service service = seed.services().stream()
                .filter(candidate -> candidate.id().equals(example.getString("service"))).findFirst()
                .orElseThrow(() -> new AssertionError("the seed declares no service " + example.getString("service")));
        boolean publishes = "event".equals(service.pattern()) && service.id().startsWith(example.getString("client") + "/");
        assertTrue(publishes || seed.accessRights().stream().anyMatch(right -> right.client().equals(example.getString("client"))
                && right.service().equals(service.id())), "the seed grants the example's client no access right");

        // A JSON body is held to the schema; a call without one (a GET) or with a file's bytes is not JSON to check.
        if (example.containsKey("request")) {
            byte[] request = example.getJsonObject("request").toString().getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(), catalog.validator().validate(SchemaId.parse(service.requestSchema()), request));
        }

        JsonObject expect = example.getJsonObject("expect");
        if (service.responseSchema() == null) {
            assertEquals(202, expect.getInt("status"), "a one-way message or an event is answered 202 Accepted");
            assertFalse(expect.containsKey("body"), "a one-way message or an event has no answer body to expect");
            return;
        }
        if (!expect.containsKey("body") || expect.getInt("status") / 100 != 2) {
            return;   // the response schema holds 2xx answers only; a provider's own 404 is its own
        }
        JsonObject responseSchema = read(RepositoryRoot.path().resolve("schemas")
                .resolve(service.responseSchema()).resolve("schema.json"));
        for (String field : expect.getJsonObject("body").keySet()) {
            assertTrue(responseSchema.getJsonObject("properties").containsKey(field), "the response has no field " + field);
        }
    }

    static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }
}
