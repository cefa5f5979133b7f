package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.node.openapi.OperationRefusal;
import kh.gov.spean.node.openapi.OperationValidator;
import kh.gov.spean.node.openapi.ServiceDescription;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/** What {@code spean connector new --openapi} writes, file by file, and what it refuses; no network needed. */
class OpenApiScaffoldTest {

    private static Path description(String name) throws Exception {
        return Path.of(OpenApiScaffoldTest.class.getResource("/openapi/" + name).toURI());
    }

    /** The node's own check of the scaffolded service's operations, built from the seed entry and the description it names. */
    private static OperationValidator nodeValidator(Path repository, String serviceId) throws Exception {
        JsonObject entry = json(repository.resolve("seeds/federation.json")).getJsonArray("services").stream()
                .map(JsonValue::asJsonObject).filter(service -> service.getString("id").equals(serviceId)).findFirst()
                .orElseThrow();
        Federation.Service service = new Federation.Service(ServiceId.parse(serviceId), entry.getString("description"),
                ServicePattern.REQUEST_RESPONSE, SchemaId.parse(entry.getString("requestSchema")),
                SchemaId.parse(entry.getString("responseSchema")), SchemaId.parse(entry.getString("openapi")),
                entry.getBoolean("personalData", false));
        return OperationValidator.of(ServiceDescription.of(service, SchemaCatalog.load(repository.resolve("schemas"))));
    }

    private static Optional<ErrorCode> refusal(OperationValidator validator, String method, String target,
                                               String contentType, String body) {
        List<RestFrame.Field> headers = contentType == null ? List.of() : List.of(new RestFrame.Field("Content-Type", contentType));
        return validator.checkRequest(method, new RestFrame(target, headers), body.getBytes(StandardCharsets.UTF_8))
                .map(OperationRefusal::code);
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

            // The description in the nodes' layout, named by the seed, and no copy of the given one in the connector.
            assertFalse(Files.exists(connector.resolve("openapi.yaml")));
            JsonObject kept = json(copy.root().resolve("schemas/maff.animalHealthRegister.openapi/v1/openapi.json"));
            assertEquals("3.1.0", kept.getString("openapi"));
            JsonObject register = kept.getJsonObject("paths").getJsonObject("/animals").getJsonObject("post");
            assertEquals("../../maff.animalHealthRegister.request/v1/schema.json", register.getJsonObject("requestBody")
                    .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
            assertEquals("../../maff.animalHealthRegister.response/v1/schema.json", register.getJsonObject("responses")
                    .getJsonObject("201").getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
                    .getString("$ref"));
            assertEquals(JsonValue.EMPTY_JSON_OBJECT, register.getJsonObject("responses").getJsonObject("422")
                    .getJsonObject("content").getJsonObject("application/json"));
            assertTrue(kept.getJsonObject("paths").getJsonObject("/animals/{tagNumber}/certificate").getJsonObject("get")
                    .getJsonObject("responses").getJsonObject("200").getJsonObject("content").containsKey("application/pdf"));

            // The node's own operation checks accept it: declared operations pass, the rest are refused with their codes.
            OperationValidator node = nodeValidator(copy.root(), "KH/GOV/MAFF/ANIMAL-REGISTER/animalHealthRegister");
            assertEquals(Optional.empty(), refusal(node, "GET", "/animals?species=cattle&limit=20", null, ""));
            assertEquals(Optional.empty(), refusal(node, "GET", "/animals/KH-PP-000123/certificate?lang=km", null, ""));
            assertEquals(Optional.empty(), refusal(node, "POST", "/animals", "application/json", "{\"species\":\"dog\"}"));
            assertEquals(Optional.of(ErrorCode.UNKNOWN_PATH), refusal(node, "GET", "/plants", null, ""));
            assertEquals(Optional.of(ErrorCode.METHOD_NOT_ALLOWED), refusal(node, "PATCH", "/animals", null, ""));
            assertEquals(Optional.of(ErrorCode.REQUEST_INVALID), refusal(node, "GET", "/animals?species=cat", null, ""));
            assertEquals(Optional.of(ErrorCode.REQUEST_INVALID), refusal(node, "GET", "/animals?species=dog&limit=0", null, ""));
            assertEquals(Optional.of(ErrorCode.REQUEST_INVALID), refusal(node, "GET", "/animals/KH-1", null, ""));
            assertEquals(Optional.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE),
                    refusal(node, "POST", "/animals", "application/xml", "<animal/>"));
        }
    }

    @Test
    void an_openapi_3_1_descriptions_parameters_are_kept_to_what_the_nodes_check(@TempDir Path work) throws Exception {
        try (RepositoryCopy copy = RepositoryCopy.in(work)) {
            CommandRun scaffold = CommandRun.of("connector", "new", "--openapi", description("library-3.1.json").toString(),
                    "--member", "KH/GOV/MOEYS", "--subsystem", "LIBRARY", "--service", "catalogue",
                    "--client", "KH/GOV/MEF/TAX-REGISTRY");
            assertEquals(0, scaffold.exit(), scaffold.output() + scaffold.errors());

            // A type list with null is its one other type; a const is a one-value enum: OpenAPI 3.0 reads both.
            JsonObject paths = json(copy.root().resolve("schemas/moeys.catalogue.openapi/v1/openapi.json")).getJsonObject("paths");
            JsonObject year = paths.getJsonObject("/books").getJsonObject("get").getJsonArray("parameters").getJsonObject(1);
            assertEquals("integer", year.getJsonObject("schema").getString("type"));
            JsonObject isbn = paths.getJsonObject("/books/{isbn}/scan").getJsonObject("put").getJsonArray("parameters")
                    .getJsonObject(0).getJsonObject("schema");
            assertEquals(Json.createArrayBuilder().add("9789995000012").build(), isbn.getJsonArray("enum"));
            assertFalse(isbn.containsKey("const"));

            OperationValidator node = nodeValidator(copy.root(), "KH/GOV/MOEYS/LIBRARY/catalogue");
            assertEquals(Optional.empty(), refusal(node, "GET", "/books?q=Angkor&year=1960", null, ""));
            assertEquals(Optional.empty(), refusal(node, "PUT", "/books/9789995000012/scan", "application/octet-stream", "scan"));
            assertEquals(Optional.of(ErrorCode.REQUEST_INVALID), refusal(node, "GET", "/books?q=Angkor&year=soon", null, ""));
            assertEquals(Optional.of(ErrorCode.REQUEST_INVALID), refusal(node, "GET", "/books/9789995000099/scan", null, ""));
            assertEquals(Optional.of(ErrorCode.UNKNOWN_PATH), refusal(node, "GET", "/authors", null, ""));
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
