package kh.gov.spean.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.networknt.schema.Error;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.WellFormedJson;

/**
 * Validates payloads against the catalog's compiled schemas. The JSON is parsed first with limits against hostile
 * input — nesting deeper than {@value #MAX_NESTING}, duplicate keys, trailing data — and never echoed back. Thread-safe.
 */
public final class PayloadValidator {

    public static final int MAX_NESTING = WellFormedJson.MAX_DEPTH;
    private static final int MAX_REPORTED = 5;

    private static final JsonMapper PARSER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final SchemaCatalog catalog;

    PayloadValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** The violations of {@code json} against schema {@code id}; empty when valid. MALFORMED_JSON when it is not JSON. */
    public List<Violation> validate(SchemaId id, byte[] json) {
        JsonNode document = parse(json);
        List<Violation> violations = new ArrayList<>();
        for (Error error : catalog.schema(id).validate(document)) {
            violations.add(new Violation(String.valueOf(error.getInstanceLocation()), error.getMessage()));
        }
        return violations;
    }

    /** Throws SCHEMA_INVALID listing the first violations, or MALFORMED_JSON. */
    public void requireValid(SchemaId id, byte[] json) {
        List<Violation> violations = validate(id, json);
        if (!violations.isEmpty()) {
            String listed = violations.stream().limit(MAX_REPORTED).map(Violation::toString)
                    .collect(Collectors.joining("; "));
            String more = violations.size() > MAX_REPORTED ? " (and " + (violations.size() - MAX_REPORTED) + " more)" : "";
            throw new SpeanException(ErrorCode.SCHEMA_INVALID, "breaks schema " + id + ": " + listed + more);
        }
    }

    private static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new SpeanException(ErrorCode.MALFORMED_JSON, "the payload is empty");
        }
        try {
            return PARSER.readTree(json);
        } catch (JacksonException e) {
            throw new SpeanException(ErrorCode.MALFORMED_JSON, "the payload is not acceptable JSON"
                    + WellFormedJson.location(e) + ": " + WellFormedJson.reason(e));
        }
    }
}
