package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/** What {@code spean connector new --openapi} writes, file by file, and what it refuses; no network needed. */
class OpenApiScaffoldTest {

    private static Path description(String name) throws Exception {
        return Path.of(OpenApiScaffoldTest.class.getResource("/openapi/" + name).toURI());
    }

    private static JsonObject json(Path file) throws Exception {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }

    @Test
    void an_openapi_3_0_description_becomes_draft_2020_12_schemas_mappings_and_examples(@TempDir Path work) throws Exception {
        try (RepositoryCopy copy = RepositoryCopy.in(work)) {
            CommandRun scaffold = CommandRun.of("connector", "new", "--openapi", description("petstore-3.0.yaml").toString(),
                    "--member", "KH/GOV/MAFF", "--subsystem", "ANIMAL-REGISTER", "--client", "KH/GOV/MEF/TAX-REGISTRY");
            assertEquals(0, scaffold.exit(), scaffold.output() + scaffold.errors());
            Path connector = copy.root().resolve("connectors/maff-animal-register");

            // OpenAPI 3.0's nullable and boolean exclusiveMinimum, said in 2020-12; components under $defs.
            Path responseSchema = copy.root().resolve("schemas/maff.animalHealthRegister.response/v1/schema.json");
            JsonObject animal = json(responseSchema).getJsonObject("$defs").getJsonObject("Animal").getJsonObject("properties");
            assertEquals(Json.createArrayBuilder().add("string").add("null").build(), animal.getJsonObject("owner").get("type"));
            assertEquals(0, animal.getJsonObject("weightKg").getInt("exclusiveMinimum"));
            assertFalse(animal.getJsonObject("weightKg").containsKey("minimum"));
            assertTrue(Files.readString(responseSchema).contains("\"$ref\": \"#/$defs/Animal\""));

            // The schemas compile and hold their own examples, as every schema of the repository must.
            SchemaCatalog catalog = SchemaCatalog.load(copy.root().resolve("schemas"));
            SchemaId response = SchemaId.parse("maff.animalHealthRegister.response/v1");
            assertEquals(List.of(), catalog.validator().validate(response, Files.readAllBytes(responseSchema.resolveSibling(
                    "examples/valid/getAnimal-200-lucky.json"))));
            assertFalse(catalog.validator().validate(response,
                    "{\"tagNumber\": \"not a tag\", \"species\": \"cat\"}".getBytes()).isEmpty());

            // The route passes the caller's method, path and query to the server's base path, fixing no method.
            String route = Files.readString(connector.resolve("routes.camel.yaml"));
            assertTrue(route.contains("{{connector.maff-animal-register.backend-url}}/register/v1\""), route);
            assertFalse(route.contains("httpMethod"), route);

            // The first success answers any call; another answer is chosen by the header its example sends.
            JsonObject any = json(connector.resolve("wiremock/mappings/getAnimal-200-lucky.json")).getJsonObject("request");
            assertEquals("/register/v1/animals/[^/]+", any.getString("urlPathPattern"));
            assertFalse(any.containsKey("headers"));
            JsonObject notFound = json(connector.resolve("wiremock/mappings/getAnimal-404.json")).getJsonObject("request");
            assertEquals("getAnimal-404", notFound.getJsonObject("headers").getJsonObject("X-Mock-Example").getString("equalTo"));
            JsonObject example = json(connector.resolve("examples/getAnimal-404.json"));
            assertEquals("/animals/KH-PP-000123", example.getString("path"));
            assertEquals("getAnimal-404", example.getJsonObject("headers").getString("X-Mock-Example"));
            assertEquals("species=cattle&limit=20", json(connector.resolve("examples/listAnimals-200.json")).getString("query"));

            // A PDF answer is a body file the example expects byte for byte.
            JsonObject certificate = json(connector.resolve("examples/getVaccinationCertificate-200.json")).getJsonObject("expect");
            assertEquals("application/pdf", certificate.getJsonObject("headers").getString("Content-Type"));
            byte[] pdf = Files.readAllBytes(connector.resolve(certificate.getString("bodyFile")));
            assertArrayEquals("%PDF-".getBytes(), java.util.Arrays.copyOf(pdf, 5));
        }
    }

    @Test
    void a_description_that_is_not_openapi_3_or_is_missing_is_refused_with_a_code_and_nothing_written(@TempDir Path work)
            throws Exception {
        try (RepositoryCopy copy = RepositoryCopy.in(work)) {
            String seed = Files.readString(copy.root().resolve("seeds/federation.json"));
            CommandRun swagger2 = CommandRun.of("connector", "new", "--openapi", description("swagger-2.0.yaml").toString(),
                    "--member", "KH/GOV/MAFF", "--subsystem", "OLD-REGISTER");
            assertEquals(2, swagger2.exit(), swagger2.output());
            assertTrue(swagger2.errors().contains("is not an OpenAPI 3.0 or 3.1 description"), swagger2.errors());

            CommandRun missing = CommandRun.of("connector", "new", "--openapi", work.resolve("none.yaml").toString(),
                    "--member", "KH/GOV/MAFF", "--subsystem", "OLD-REGISTER");
            assertEquals(2, missing.exit(), missing.output());
            assertTrue(missing.errors().contains("no OpenAPI description at"), missing.errors());

            assertFalse(Files.exists(copy.root().resolve("connectors/maff-old-register")));
            assertEquals(seed, Files.readString(copy.root().resolve("seeds/federation.json")));
        }
    }
}
