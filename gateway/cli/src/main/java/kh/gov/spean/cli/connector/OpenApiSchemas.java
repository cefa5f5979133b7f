package kh.gov.spean.cli.connector;

import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Turns an OpenAPI description's schema (already written as JSON) into JSON Schema draft 2020-12, the dialect Spean's
 * validator reads. An OpenAPI 3.1 schema is 2020-12 already; one of 3.0 differs in a few keywords (OpenAPI 3.0.3
 * §4.7.24): {@code nullable} becomes a {@code "null"} type, boolean {@code exclusiveMinimum}/{@code exclusiveMaximum}
 * become the numeric bounds, {@code example} becomes {@code examples}, and {@code discriminator}, {@code xml},
 * {@code externalDocs} (OpenAPI's own) are left out. Both have their {@code #/components/schemas/NAME} references
 * pointed at {@code #/$defs/NAME}, where the scaffold puts the components.
 */
final class OpenApiSchemas {

    static final String COMPONENTS = "#/components/schemas/";
    static final String DEFS = "#/$defs/";

    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");
    private static final Set<String> SCHEMA_VALUES = Set.of("items", "not", "additionalProperties", "contains",
            "propertyNames", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems", "additionalItems");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> OPENAPI_ONLY = Set.of("discriminator", "xml", "externalDocs");

    private OpenApiSchemas() {
    }

    /** {@code schema} in draft 2020-12, its component references pointing at {@code $defs}. */
    static JsonValue toDraft202012(JsonValue schema) {
        if (schema.getValueType() != JsonValue.ValueType.OBJECT) {
            return schema;
        }
        JsonObject object = schema.asJsonObject();
        JsonObjectBuilder converted = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            if (OPENAPI_ONLY.contains(key) || key.equals("nullable")) {
                continue;
            }
            if (key.equals("$ref") && value instanceof JsonString ref) {
                converted.add(key, ref.getString().startsWith(COMPONENTS)
                        ? DEFS + ref.getString().substring(COMPONENTS.length()) : ref.getString());
            } else if (key.equals("example")) {
                if (!object.containsKey("examples")) {
                    converted.add("examples", Json.createArrayBuilder().add(value));
                }
            } else if ((key.equals("exclusiveMinimum") || key.equals("exclusiveMaximum"))
                    && (value == JsonValue.TRUE || value == JsonValue.FALSE)) {
                String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
                if (value == JsonValue.TRUE && object.get(bound) instanceof JsonNumber limit) {
                    converted.add(key, limit);
                }
            } else if ((key.equals("minimum") || key.equals("maximum")) && exclusive(object, key)) {
                continue;   // written above as the exclusive bound
            } else if (SCHEMA_MAPS.contains(key) && value.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObjectBuilder schemas = Json.createObjectBuilder();
                value.asJsonObject().forEach((name, member) -> schemas.add(name, toDraft202012(member)));
                converted.add(key, schemas);
            } else if (SCHEMA_VALUES.contains(key)) {
                converted.add(key, toDraft202012(value));
            } else if (SCHEMA_LISTS.contains(key) && value.getValueType() == JsonValue.ValueType.ARRAY) {
                JsonArrayBuilder schemas = Json.createArrayBuilder();
                value.asJsonArray().forEach(member -> schemas.add(toDraft202012(member)));
                converted.add(key, schemas);
            } else {
                converted.add(key, value);
            }
        }
        if (object.get("nullable") == JsonValue.TRUE) {
            nullable(object, converted);
        }
        return converted.build();
    }

    private static boolean exclusive(JsonObject object, String bound) {
        return object.get(bound.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum") == JsonValue.TRUE;
    }

    /** OpenAPI 3.0's {@code nullable: true}: null is one more type, and one more value of an enum. */
    private static void nullable(JsonObject object, JsonObjectBuilder converted) {
        JsonValue type = object.get("type");
        if (type instanceof JsonString single) {
            converted.add("type", Json.createArrayBuilder().add(single.getString()).add("null"));
        }
        if (object.containsKey("enum") && !object.getJsonArray("enum").contains(JsonValue.NULL)) {
            converted.add("enum", Json.createArrayBuilder(object.getJsonArray("enum")).add(JsonValue.NULL));
        }
    }
}
