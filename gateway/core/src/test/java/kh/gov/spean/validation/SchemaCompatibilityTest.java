package kh.gov.spean.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kh.gov.spean.RepositoryRoot;

/** Changes within a major version: the ones that only widen pass, each narrowing is refused and named. */
class SchemaCompatibilityTest {

    static final String BASE = """
            {"type":"object","additionalProperties":false,"required":["nationalId"],
             "properties":{
               "nationalId":{"type":"string","pattern":"^[0-9]{9}$"},
               "name":{"type":"string","maxLength":120},
               "result":{"type":"string","enum":["match","no_match"]},
               "fields":{"type":"array","maxItems":4,"items":{"type":"string","enum":["a","b"]}}}}
            """;

    static Stream<Arguments> compatible_changes() {
        return Stream.of(
                Arguments.of("an optional field added", BASE.replace("\"properties\":{", "\"properties\":{\"purpose\":{\"type\":\"string\"},")),
                Arguments.of("an enum widened", BASE.replace("[\"match\",\"no_match\"]", "[\"match\",\"no_match\",\"deceased\"]")),
                Arguments.of("a length limit raised", BASE.replace("\"maxLength\":120", "\"maxLength\":200")),
                Arguments.of("a requirement dropped", BASE.replace("\"required\":[\"nationalId\"]", "\"required\":[]")),
                Arguments.of("additional properties opened", BASE.replace("\"additionalProperties\":false,", "")),
                Arguments.of("nothing changed", BASE));
    }

    static Stream<Arguments> incompatible_changes() {
        return Stream.of(
                Arguments.of("a property removed", BASE.replace("\"name\":{\"type\":\"string\",\"maxLength\":120},", ""),
                        "$.name: property removed"),
                Arguments.of("a field newly required", BASE.replace("\"required\":[\"nationalId\"]", "\"required\":[\"nationalId\",\"name\"]"),
                        "$.name: field newly required"),
                Arguments.of("a type narrowed", BASE.replace("\"name\":{\"type\":\"string\"", "\"name\":{\"type\":\"integer\""),
                        "$.name: type narrowed from string to integer"),
                Arguments.of("an enum narrowed", BASE.replace("[\"match\",\"no_match\"]", "[\"match\"]"),
                        "$.result: enum value \"no_match\" removed"),
                Arguments.of("an enum narrowed inside array items", BASE.replace("[\"a\",\"b\"]", "[\"a\"]"),
                        "$.fields[]: enum value \"b\" removed"),
                Arguments.of("a length limit tightened", BASE.replace("\"maxLength\":120", "\"maxLength\":60"),
                        "$.name: maxLength tightened from 120 to 60"),
                Arguments.of("a pattern changed", BASE.replace("[0-9]{9}", "[0-9]{10}"),
                        "$.nationalId: pattern changed from \"^[0-9]{9}$\" to \"^[0-9]{10}$\""));
    }

    @ParameterizedTest(name = "{0} is compatible")
    @MethodSource("compatible_changes")
    void a_widening_change_is_accepted(String what, String revised) {
        assertEquals(List.of(), SchemaCompatibility.compare(BASE, revised));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("incompatible_changes")
    void a_narrowing_change_is_refused_and_named(String what, String revised, String expected) {
        List<SchemaCompatibility.Incompatibility> found = SchemaCompatibility.compare(BASE, revised);
        assertTrue(found.stream().anyMatch(incompatibility -> incompatibility.toString().equals(expected)),
                () -> "expected '" + expected + "' among " + found);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repository_schemas")
    void every_schema_in_the_repository_is_compatible_with_itself(String id) throws Exception {
        String schema = Files.readString(RepositoryRoot.path().resolve("schemas").resolve(id).resolve("schema.json"));
        assertEquals(List.of(), SchemaCompatibility.compare(schema, schema));
    }

    static Stream<String> repository_schemas() {
        return SchemaCatalog.load(RepositoryRoot.path().resolve("schemas")).ids().stream().map(SchemaId::toString);
    }
}
