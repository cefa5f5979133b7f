package kh.gov.spean.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kh.gov.spean.RepositoryRoot;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Scenarios as data: every schema's valid examples pass, every invalid one fails with the code its manifest names. */
class SchemaExamplesTest {

    static SchemaCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = SchemaCatalog.load(schemas());
    }

    static Path schemas() {
        return RepositoryRoot.path().resolve("schemas");
    }

    static Stream<Arguments> valid_examples() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (SchemaId id : ids()) {
            for (Path example : files(folder(id, "valid"))) {
                cases.add(Arguments.of(id, example.getFileName().toString()));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> invalid_examples() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (SchemaId id : ids()) {
            JsonObject expected = manifest(id);
            for (String name : expected.keySet()) {
                cases.add(Arguments.of(id, name, expected.getString(name)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("valid_examples")
    void a_valid_example_has_no_violations(SchemaId id, String name) throws IOException {
        List<Violation> violations = catalog.validator().validate(id, Files.readAllBytes(folder(id, "valid").resolve(name)));
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest(name = "{0} refuses {1} with {2}")
    @MethodSource("invalid_examples")
    void an_invalid_example_is_refused_with_its_expected_code(SchemaId id, String name, String code) throws IOException {
        byte[] payload = Files.readAllBytes(folder(id, "invalid").resolve(name));
        SpeanException refused = assertThrows(SpeanException.class, () -> catalog.validator().requireValid(id, payload));
        assertEquals(ErrorCode.fromCode(code), refused.code(), refused::detail);
    }

    @Test
    void every_schema_has_examples_of_both_kinds_and_each_manifest_lists_exactly_its_folder() throws IOException {
        assertFalse(ids().isEmpty());
        for (SchemaId id : ids()) {
            assertFalse(files(folder(id, "valid")).isEmpty(), id + " has no valid example");
            Set<String> onDisk = new TreeSet<>();
            files(folder(id, "invalid")).forEach(file -> onDisk.add(file.getFileName().toString()));
            onDisk.remove("expected.json");
            assertFalse(onDisk.isEmpty(), id + " has no invalid example");
            assertEquals(onDisk, new TreeSet<>(manifest(id).keySet()), id + ": expected.json and the folder disagree");
        }
    }

    @Test
    void each_schema_file_has_a_digest_that_changes_with_its_bytes() {
        SchemaId request = SchemaId.parse("moi.verifyCitizen.request/v1");
        assertEquals(64, catalog.sha256Hex(request).length());
        assertFalse(catalog.sha256Hex(request).equals(catalog.sha256Hex(SchemaId.parse("moi.verifyCitizen.response/v1"))));
    }

    @Test
    void refuses_json_nested_deeper_than_the_limit() {
        byte[] deep = ("[".repeat(PayloadValidator.MAX_NESTING + 1) + "]".repeat(PayloadValidator.MAX_NESTING + 1)).getBytes();
        SpeanException refused = assertThrows(SpeanException.class,
                () -> catalog.validator().validate(SchemaId.parse("moi.verifyCitizen.request/v1"), deep));
        assertEquals(ErrorCode.MALFORMED_JSON, refused.code());
        assertTrue(refused.detail().contains("deeper"), refused.detail());
    }

    @Test
    void never_quotes_the_payload_when_refusing_malformed_json() {
        byte[] payload = "{\"nationalId\": Sok Chandara}".getBytes();
        SpeanException refused = assertThrows(SpeanException.class,
                () -> catalog.validator().validate(SchemaId.parse("moi.verifyCitizen.request/v1"), payload));
        assertFalse(refused.detail().contains("Sok"), refused.detail());
    }

    @Test
    void refuses_an_unknown_schema_id_and_malformed_ids() {
        assertThrows(SpeanException.class, () -> catalog.validator().validate(SchemaId.parse("nobody.nothing/v1"), "{}".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> SchemaId.parse("moi.verifyCitizen.request"));
        assertThrows(IllegalArgumentException.class, () -> SchemaId.parse("../etc/v1"));
    }

    static Set<SchemaId> ids() {
        return catalog.ids();
    }

    static Path folder(SchemaId id, String kind) {
        return schemas().resolve(id.name()).resolve(id.version()).resolve("examples").resolve(kind);
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static JsonObject manifest(SchemaId id) {
        try (JsonReader reader = Json.createReader(new StringReader(
                Files.readString(folder(id, "invalid").resolve("expected.json"))))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
