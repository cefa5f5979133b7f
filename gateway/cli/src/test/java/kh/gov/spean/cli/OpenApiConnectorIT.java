package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spean connector new --openapi}: a connector scaffolded from an OpenAPI 3.0 description (YAML) and one from a
 * 3.1 description (JSON) each pass {@code spean connector test} as generated, through real nodes, Kafka and their
 * WireMock backends — GETs with path parameters and queries, POST, PUT, PATCH, DELETE, JSON, text and binary bodies,
 * and the description's error answers — both nodes checking every call against the OpenAPI 3.1 description the
 * scaffold wrote, so that a call it does not declare is refused before it reaches the backend.
 */
class OpenApiConnectorIT {

    private static Path description(String name) throws Exception {
        return Path.of(OpenApiConnectorIT.class.getResource("/openapi/" + name).toURI());
    }

    @Test
    void a_connector_scaffolded_from_an_openapi_3_0_description_passes_its_examples_as_generated(@TempDir Path work)
            throws Exception {
        try (RepositoryCopy copy = RepositoryCopy.in(work)) {
            CommandRun scaffold = CommandRun.of("connector", "new", "--openapi", description("petstore-3.0.yaml").toString(),
                    "--member", "KH/GOV/MAFF", "--subsystem", "ANIMAL-REGISTER", "--client", "KH/GOV/MEF/TAX-REGISTRY",
                    "--name", "Ministry of Agriculture");
            assertEquals(0, scaffold.exit(), scaffold.output() + scaffold.errors());
            assertTrue(scaffold.output().contains("OpenAPI 3.0.3, 7 operation(s)"), scaffold.output());
            Path connector = copy.root().resolve("connectors/maff-animal-register");
            String seed = Files.readString(copy.root().resolve("seeds/federation.json"));
            assertTrue(seed.contains("KH/GOV/MAFF/ANIMAL-REGISTER/animalHealthRegister"));
            assertTrue(seed.contains("\"openapi\": \"maff.animalHealthRegister.openapi/v1\""), seed);
            assertTrue(Files.isRegularFile(copy.root().resolve("schemas/maff.animalHealthRegister.openapi/v1/openapi.json")));

            // Calls the description does not declare, which the mock would answer 200 or 404 itself: the nodes refuse them.
            Files.writeString(connector.resolve("examples/undeclared-path.json"), """
                    {"client": "KH/GOV/MEF/TAX-REGISTRY", "service": "KH/GOV/MAFF/ANIMAL-REGISTER/animalHealthRegister",
                     "method": "GET", "path": "/plants",
                     "expect": {"status": 404, "body": {"type": "client.unknown_path"}}}
                    """);
            Files.writeString(connector.resolve("examples/undeclared-species.json"), """
                    {"client": "KH/GOV/MEF/TAX-REGISTRY", "service": "KH/GOV/MAFF/ANIMAL-REGISTER/animalHealthRegister",
                     "method": "GET", "path": "/animals", "query": "species=cat",
                     "expect": {"status": 400, "body": {"type": "client.request_invalid"}}}
                    """);

            CommandRun test = CommandRun.of("connector", "test", connector.toString());
            assertEquals(0, test.exit(), test.output());
            for (String example : new String[] {"listAnimals-200", "registerAnimal-201", "registerAnimal-422-unknown-species",
                    "getAnimal-200-lucky", "getAnimal-404", "updateAnimal-200", "removeAnimal-204",
                    "getVaccinationCertificate-200", "getVeterinaryNote-200", "undeclared-path", "undeclared-species"}) {
                assertTrue(test.output().contains("PASS   " + example), example + " in\n" + test.output());
            }
            assertTrue(test.output().contains("11 of 11 examples passed."), test.output());
        }
    }

    @Test
    void a_connector_scaffolded_from_an_openapi_3_1_description_passes_and_a_changed_byte_of_a_binary_fails(
            @TempDir Path work) throws Exception {
        try (RepositoryCopy copy = RepositoryCopy.in(work)) {
            CommandRun scaffold = CommandRun.of("connector", "new", "--openapi", description("library-3.1.json").toString(),
                    "--member", "KH/GOV/MOEYS", "--subsystem", "LIBRARY", "--service", "catalogue",
                    "--client", "KH/GOV/MEF/TAX-REGISTRY");
            assertEquals(0, scaffold.exit(), scaffold.output() + scaffold.errors());
            Path connector = copy.root().resolve("connectors/moeys-library");

            // The binary the mock serves is changed by one byte: the example, which expects the bytes it had, fails.
            Path scan = connector.resolve("wiremock/__files/getScan-200.bin");
            byte[] generated = Files.readAllBytes(scan);
            Path expected = connector.resolve("examples/files/getScan-200-expected.bin");
            Files.createDirectories(expected.getParent());
            Files.write(expected, generated);
            Path example = connector.resolve("examples/getScan-200-changed.json");
            Files.writeString(example, Files.readString(connector.resolve("examples/getScan-200.json"))
                    .replace("wiremock/__files/getScan-200.bin", "examples/files/getScan-200-expected.bin"));
            generated[100] ^= 1;
            Files.write(scan, generated);

            CommandRun test = CommandRun.of("connector", "test", connector.toString());
            assertEquals(1, test.exit(), test.output());
            for (String passed : new String[] {"searchBooks-200", "getBook-200", "getBook-404", "correctBook-200",
                    "uploadScan-201", "getScan-200 "}) {
                assertTrue(test.output().contains("PASS   " + passed), passed + " in\n" + test.output());
            }
            assertTrue(test.output().contains("FAIL   getScan-200-changed"), test.output());
            assertTrue(test.output().contains("body: expected the file's 256 bytes"), test.output());
            assertTrue(test.output().contains("6 of 7 examples passed."), test.output());
        }
    }
}
