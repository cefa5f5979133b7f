package kh.gov.spean.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kh.gov.spean.RepositoryRoot;
import kh.gov.spean.files.FolderTree;

class SchemaRevisionCheckTest {

    static final String RESPONSE = "moi.verifyCitizen.response/v1";

    @Test
    void a_compatible_revision_passes(@TempDir Path work) throws IOException {
        Path revised = copy(work.resolve("revised"));
        edit(revised, RESPONSE, "\"properties\": {", "\"properties\": {\n    \"note\": {\"type\": \"string\", \"maxLength\": 80},");
        SchemaRevisionCheck.Finding finding = find(SchemaRevisionCheck.check(schemas(), revised), RESPONSE);
        assertEquals("changed", finding.status());
        assertTrue(finding.acceptable(), finding.problems()::toString);
    }

    @Test
    void a_narrowed_enum_within_a_major_version_is_refused_and_named(@TempDir Path work) throws IOException {
        Path revised = copy(work.resolve("revised"));
        edit(revised, RESPONSE, "\"enum\": [\"match\", \"no_match\", \"deceased\"]", "\"enum\": [\"match\", \"no_match\"]");
        SchemaRevisionCheck.Finding finding = find(SchemaRevisionCheck.check(schemas(), revised), RESPONSE);
        assertEquals(List.of("$.result: enum value \"deceased\" removed"), finding.problems());
    }

    @Test
    void a_version_that_disagrees_with_its_folder_is_refused(@TempDir Path work) throws IOException {
        Path revised = copy(work.resolve("revised"));
        edit(revised, RESPONSE, "\"x-spean-version\": \"1.0.0\"", "\"x-spean-version\": \"2.0.0\"");
        assertTrue(find(SchemaRevisionCheck.check(schemas(), revised), RESPONSE).problems().get(0).contains("not of major version 1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON       | {\"type\": | its schema.json is not a JSON object",
        "a JSON array         | [1, 2]     | its schema.json is not a JSON object",
        "a number for version | {\"x-spean-version\": 1} | it carries no semantic version"})
    void a_schema_file_that_cannot_be_compared_is_a_finding_not_a_crash(String what, String text, String problem,
                                                                       @TempDir Path work) throws IOException {
        Path revised = copy(work.resolve("revised"));
        Files.writeString(revised.resolve(RESPONSE).resolve("schema.json"), text);

        SchemaRevisionCheck.Finding finding = find(SchemaRevisionCheck.check(schemas(), revised), RESPONSE);

        assertFalse(finding.acceptable());
        assertTrue(finding.problems().get(0).startsWith(problem), finding.problems()::toString);
    }

    @Test
    void a_schema_file_that_is_not_utf8_is_a_finding(@TempDir Path work) throws IOException {
        Path revised = copy(work.resolve("revised"));
        Files.write(revised.resolve(RESPONSE).resolve("schema.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b});

        assertEquals(List.of("its schema.json is not UTF-8 text"),
                find(SchemaRevisionCheck.check(schemas(), revised), RESPONSE).problems());
    }

    @Test
    void a_released_schema_that_disappears_is_refused(@TempDir Path work) throws IOException {
        Path revised = copy(work.resolve("revised"));
        FolderTree.delete(revised.resolve(RESPONSE));
        SchemaRevisionCheck.Finding finding = find(SchemaRevisionCheck.check(schemas(), revised), RESPONSE);
        assertEquals("removed", finding.status());
        assertTrue(!finding.acceptable());
    }

    static Path schemas() {
        return RepositoryRoot.path().resolve("schemas");
    }

    static SchemaRevisionCheck.Finding find(List<SchemaRevisionCheck.Finding> findings, String id) {
        return findings.stream().filter(finding -> finding.schema().equals(id)).findFirst().orElseThrow();
    }

    static void edit(Path root, String id, String from, String to) throws IOException {
        Path schema = root.resolve(id).resolve("schema.json");
        String text = Files.readString(schema);
        assertTrue(text.contains(from), "the test's edit does not apply: " + from);
        Files.writeString(schema, text.replace(from, to));
    }

    static Path copy(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(schemas())) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(schemas().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }
}
