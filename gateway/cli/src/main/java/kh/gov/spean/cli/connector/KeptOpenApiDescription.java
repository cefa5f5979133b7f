package kh.gov.spean.cli.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The scaffolded service's description as the federation keeps it and both nodes check calls against (decisions 0049,
 * 0050): OpenAPI 3.1 in JSON, the given description's paths, operations and parameters; each JSON body's schema a
 * reference to the service's own request or response schema file, whose {@code anyOf} gathers those bodies (so the
 * description and the payload checks cannot disagree); other media types as declared, their schemas in 2020-12.
 * Parameter schemas keep to what OpenAPI 3.0 and 3.1 share, as the nodes' operation checks read them as 3.0.
 */
final class KeptOpenApiDescription {

    static final String VERSION = "3.1.0";

    /** The Schema Object keywords OpenAPI 3.0 and 3.1 read alike (3.0.3 §4.7.24, less {@code nullable} and the bounds). */
    private static final Set<String> COMMON_KEYWORDS = Set.of("type", "format", "title", "description", "default", "enum",
            "multipleOf", "maximum", "minimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
            "maxProperties", "minProperties", "required", "allOf", "oneOf", "anyOf", "not", "items", "properties",
            "additionalProperties", "readOnly", "writeOnly", "deprecated", "example");
    private static final Set<String> PARAMETER_FIELDS = Set.of("name", "in", "description", "required", "deprecated",
            "allowEmptyValue", "style", "explode", "allowReserved", "example");
    /** Headers OpenAPI says a header parameter cannot describe (3.1 §4.8.12.1), or that the node itself sets. */
    private static final Set<String> NODE_HEADERS = Set.of("accept", "content-type", "authorization", "content-length",
            "host", "connection", "expect", "upgrade", "x-road-client");
    private static final int MAX_DEPTH = 32;

    /** The description, and the JSON bodies its references send to each schema file. */
    record Kept(JsonObject document, List<JsonValue> requestBodies, List<JsonValue> responseBodies) {
    }

    private final OpenApiDescription description;
    private final JsonObject components;
    private final List<String> leftOut;

    /** @param leftOut where to say what the nodes' layout cannot keep */
    KeptOpenApiDescription(OpenApiDescription description, List<String> leftOut) {
        this.description = description;
        this.leftOut = leftOut;
        JsonObjectBuilder raw = Json.createObjectBuilder();
        if (description.api().getComponents() != null && description.api().getComponents().getSchemas() != null) {
            description.api().getComponents().getSchemas().forEach((name, schema) -> raw.add(name, description.json(schema)));
        }
        this.components = raw.build();
    }

    /**
     * The description of {@code operations}, its JSON bodies pointing at {@code requestSchema} and
     * {@code responseSchema} (ids such as {@code maff.animals.request/v1}).
     */
    Kept write(List<OpenApiDescription.ApiOperation> operations, String requestSchema, String responseSchema) {
        List<JsonValue> requestBodies = new ArrayList<>();
        List<JsonValue> responseBodies = new ArrayList<>();
        Map<String, JsonObjectBuilder> paths = new LinkedHashMap<>();
        for (OpenApiDescription.ApiOperation operation : operations) {
            JsonObjectBuilder written = Json.createObjectBuilder();
            Operation given = operation.operation();
            addText(written, "operationId", given.getOperationId());
            addText(written, "summary", given.getSummary());
            addText(written, "description", given.getDescription());
            if (Boolean.TRUE.equals(given.getDeprecated())) {
                written.add("deprecated", true);
            }
            List<JsonObject> parameters = operation.parameters().stream().map(parameter -> parameter(operation, parameter))
                    .filter(parameter -> parameter != null).toList();
            if (!parameters.isEmpty()) {
                written.add("parameters", Json.createArrayBuilder(parameters));
            }
            if (given.getRequestBody() != null && given.getRequestBody().getContent() != null) {
                JsonObjectBuilder body = Json.createObjectBuilder();
                addText(body, "description", given.getRequestBody().getDescription());
                if (Boolean.TRUE.equals(given.getRequestBody().getRequired())) {
                    body.add("required", true);
                }
                written.add("requestBody", body.add("content",
                        content(given.getRequestBody().getContent(), true, requestSchema, requestBodies)));
            }
            written.add("responses", responses(given, responseSchema, responseBodies));
            paths.computeIfAbsent(operation.pathTemplate(), path -> Json.createObjectBuilder())
                    .add(operation.method().toLowerCase(Locale.ROOT), written);
        }
        JsonObjectBuilder pathObject = Json.createObjectBuilder();
        paths.forEach(pathObject::add);
        JsonObjectBuilder info = Json.createObjectBuilder().add("title", description.title())
                .add("version", description.api().getInfo() == null || description.api().getInfo().getVersion() == null
                        ? "1.0.0" : description.api().getInfo().getVersion());
        addText(info, "description", description.summary() + " (scaffolded by spean connector new from "
                + description.file().getFileName() + "; paths relative to the service)");
        JsonObject document = Json.createObjectBuilder().add("openapi", VERSION).add("info", info).add("paths", pathObject)
                .build();
        return new Kept(document, requestBodies, responseBodies);
    }

    private JsonObject responses(Operation operation, String responseSchema, List<JsonValue> responseBodies) {
        JsonObjectBuilder responses = Json.createObjectBuilder();
        if (operation.getResponses() == null) {
            return responses.build();
        }
        boolean anyStatus = operation.getResponses().keySet().stream().anyMatch(code -> !code.equals("default"));
        for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
            String code = entry.getKey();
            ApiResponse response = entry.getValue();
            // The nodes check 2xx answers' bodies against the response schema; the scaffold mocks a lone default as 200.
            boolean checked = code.startsWith("2") || (code.equals("default") && !anyStatus);
            JsonObjectBuilder written = Json.createObjectBuilder()
                    .add("description", response.getDescription() == null ? "" : response.getDescription());
            if (response.getContent() != null && !response.getContent().isEmpty()) {
                written.add("content", content(response.getContent(), checked, responseSchema, responseBodies));
            }
            responses.add(code, written);
        }
        return responses.build();
    }

    /**
     * Media types: a JSON one whose body is checked references the schema file (its schema gathered into
     * {@code bodies}); a JSON one that is not (an error answer) declares no schema; any other keeps its own.
     */
    private JsonObject content(Content content, boolean checked, String schemaId, List<JsonValue> bodies) {
        JsonObjectBuilder written = Json.createObjectBuilder();
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
            JsonObjectBuilder media = Json.createObjectBuilder();
            MediaType given = entry.getValue();
            if (OpenApiScaffold.isJson(entry.getKey())) {
                if (checked) {
                    bodies.add(description.schema(given.getSchema()));
                    media.add("schema", Json.createObjectBuilder().add("$ref", "../../" + schemaId + "/schema.json"));
                }
            } else if (given.getSchema() != null) {
                media.add("schema", ownSchema(entry.getKey(), given));
            }
            written.add(entry.getKey(), media);
        }
        return written.build();
    }

    /** A non-JSON body's schema in 2020-12; 3.0's binary string as 3.1 says it (3.1 §4.8.14.3: {@code contentMediaType}). */
    private JsonValue ownSchema(String mediaType, MediaType given) {
        JsonValue schema = OpenApiSchemas.toDraft202012(inlined(description.json(given.getSchema()), 0));
        if (schema instanceof JsonObject object && object.get("format") instanceof JsonString format
                && format.getString().equals("binary")) {
            return Json.createObjectBuilder(object).remove("format").add("contentMediaType", mediaType).build();
        }
        return schema;
    }

    // ---- parameters

    private JsonObject parameter(OpenApiDescription.ApiOperation operation, Parameter parameter) {
        String where = operation.method() + " " + operation.pathTemplate() + ", parameter " + parameter.getName();
        String in = parameter.getIn() == null ? "" : parameter.getIn();
        if (in.equals("cookie") || in.equals("header") && NODE_HEADERS.contains(parameter.getName().toLowerCase(Locale.ROOT))) {
            leftOut.add(where + " (" + in + "): not declared, the node handles it");
            return null;
        }
        JsonObject given = description.json(parameter).asJsonObject();
        JsonObjectBuilder written = Json.createObjectBuilder();
        given.forEach((field, value) -> {
            if (PARAMETER_FIELDS.contains(field)) {
                written.add(field, value);
            }
        });
        JsonValue schema = parameter.getSchema() == null ? Json.createObjectBuilder().add("type", "string").build()
                : commonSubset(inlined(description.json(parameter.getSchema()), 0), where);
        if (parameter.getSchema() == null) {
            leftOut.add(where + ": its content is declared as a string (a parameter's content is not checked)");
        }
        return written.add("schema", schema).build();
    }

    /** A schema in what OpenAPI 3.0 and 3.1 read alike: one type, no const, bounds inclusive, no 3.1-only keyword. */
    private JsonValue commonSubset(JsonValue schema, String where) {
        if (!(schema instanceof JsonObject object)) {
            return schema;
        }
        JsonObjectBuilder written = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            switch (key) {
                case "type" -> {
                    JsonValue type = singleType(value);
                    if (type != null) {
                        written.add(key, type);
                    } else {
                        leftOut.add(where + ": its types " + value + " are not checked (OpenAPI 3.0 has one type)");
                    }
                }
                case "properties" -> {
                    JsonObjectBuilder properties = Json.createObjectBuilder();
                    value.asJsonObject().forEach((name, member) -> properties.add(name, commonSubset(member, where)));
                    written.add(key, properties);
                }
                case "items", "not", "additionalProperties" -> written.add(key, commonSubset(value, where));
                case "allOf", "anyOf", "oneOf" -> {
                    JsonArrayBuilder members = Json.createArrayBuilder();
                    value.asJsonArray().forEach(member -> members.add(commonSubset(member, where)));
                    written.add(key, members);
                }
                case "minimum", "maximum" -> written.add(key, bound(object, key, where));
                case "exclusiveMinimum", "exclusiveMaximum" -> {
                    String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
                    if (!object.containsKey(bound) && value instanceof JsonNumber) {
                        written.add(bound, bound(object, bound, where));
                    }
                }
                case "const" -> {
                    if (!object.containsKey("enum")) {
                        written.add("enum", Json.createArrayBuilder().add(value));
                    }
                }
                case "examples" -> {
                    if (!object.containsKey("example") && value.getValueType() == JsonValue.ValueType.ARRAY
                            && !value.asJsonArray().isEmpty()) {
                        written.add("example", value.asJsonArray().get(0));
                    }
                }
                case "nullable" -> { }   // a parameter that is there is never null
                default -> {
                    if (COMMON_KEYWORDS.contains(key)) {
                        written.add(key, value);
                    } else if (!key.startsWith("x-") && !key.equals("$schema") && !key.equals("$comment")) {
                        leftOut.add(where + ": '" + key + "' is not checked (OpenAPI 3.0 has no such keyword)");
                    }
                }
            }
        }
        return written.build();
    }

    /**
     * A 3.0 boolean or 3.1 numeric exclusive bound as an inclusive one (the one form both read): exact for an integer
     * ({@code > 0} is {@code >= 1}), the bound itself for a number, which then admits the bound (said).
     */
    private JsonValue bound(JsonObject schema, String bound, String where) {
        String exclusiveKey = bound.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum";
        JsonValue exclusive = schema.get(exclusiveKey);
        JsonValue limit = exclusive instanceof JsonNumber ? exclusive : schema.get(bound);
        boolean isExclusive = exclusive == JsonValue.TRUE || exclusive instanceof JsonNumber;
        if (!isExclusive || !(limit instanceof JsonNumber value)) {
            return limit;
        }
        if ("integer".equals(typeName(schema)) && value.isIntegral()) {
            return Json.createValue(value.longValueExact() + (bound.equals("minimum") ? 1 : -1));
        }
        leftOut.add(where + ": its " + exclusiveKey + " " + value + " is checked as inclusive");
        return value;
    }

    private static String typeName(JsonObject schema) {
        JsonValue type = singleType(schema.getOrDefault("type", JsonValue.NULL));
        return type instanceof JsonString name ? name.getString() : null;
    }

    /** {@code "integer"}, or {@code ["integer", "null"]} as {@code "integer"}; null when several types remain. */
    private static JsonValue singleType(JsonValue type) {
        if (type instanceof JsonString) {
            return type;
        }
        if (type.getValueType() == JsonValue.ValueType.ARRAY) {
            List<JsonValue> types = type.asJsonArray().stream().filter(member -> !member.equals(Json.createValue("null")))
                    .toList();
            return types.size() == 1 ? types.get(0) : null;
        }
        return null;
    }

    /** A schema with its component references replaced by the components themselves (past {@value #MAX_DEPTH} references, by any value). */
    private JsonValue inlined(JsonValue schema, int depth) {
        if (schema instanceof JsonObject object) {
            if (object.get("$ref") instanceof JsonString ref && ref.getString().startsWith(OpenApiSchemas.COMPONENTS)) {
                JsonValue target = components.get(ref.getString().substring(OpenApiSchemas.COMPONENTS.length()));
                return target == null || depth >= MAX_DEPTH ? JsonValue.EMPTY_JSON_OBJECT : inlined(target, depth + 1);
            }
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((key, value) -> copy.add(key, inlined(value, depth)));
            return copy.build();
        }
        if (schema.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder copy = Json.createArrayBuilder();
            schema.asJsonArray().forEach(member -> copy.add(inlined(member, depth)));
            return copy.build();
        }
        return schema;
    }

    private static void addText(JsonObjectBuilder builder, String name, String text) {
        if (text != null && !text.isBlank()) {
            builder.add(name, text);
        }
    }
}
