package kh.gov.spean.cli.connector;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A value a draft 2020-12 schema accepts, for an example exchange the description gives none for: the schema's own
 * {@code examples}, {@code const}, {@code default} or first {@code enum} value where it has one, else one made from its
 * type, bounds and format (required properties only). A {@code pattern} is not inverted: a patterned field without an
 * example gets a plain word, which the schema may refuse; give such fields examples in the description.
 *
 * @param defs the schemas {@code #/$defs/NAME} names
 */
record OpenApiSamples(JsonObject defs) {

    private static final int DEPTH = 8;

    JsonValue sample(JsonValue schema) {
        return sample(schema, 0);
    }

    private JsonValue sample(JsonValue schema, int depth) {
        if (schema.getValueType() != JsonValue.ValueType.OBJECT || depth > DEPTH) {
            return Json.createValue("example");
        }
        JsonObject object = schema.asJsonObject();
        if (object.get("$ref") instanceof JsonString ref && ref.getString().startsWith(OpenApiSchemas.DEFS)
                && defs.containsKey(ref.getString().substring(OpenApiSchemas.DEFS.length()))) {
            return sample(defs.get(ref.getString().substring(OpenApiSchemas.DEFS.length())), depth + 1);
        }
        if (object.get("examples") instanceof JsonArray examples && !examples.isEmpty()) {
            return examples.get(0);
        }
        for (String given : new String[] {"const", "default"}) {
            if (object.containsKey(given)) {
                return object.get(given);
            }
        }
        if (object.get("enum") instanceof JsonArray values && !values.isEmpty()) {
            return values.get(0);
        }
        if (object.get("allOf") instanceof JsonArray parts && !parts.isEmpty()) {
            return merged(parts, depth);
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (object.get(choice) instanceof JsonArray options && !options.isEmpty()) {
                return sample(options.get(0), depth + 1);
            }
        }
        return switch (type(object)) {
            case "object" -> object(object, depth);
            case "array" -> array(object, depth);
            case "integer" -> Json.createValue(number(object, BigDecimal.ONE).toBigInteger());
            case "number" -> Json.createValue(number(object, new BigDecimal("1.5")));
            case "boolean" -> JsonValue.TRUE;
            case "null" -> JsonValue.NULL;
            default -> Json.createValue(string(object));
        };
    }

    /** The schema's type: the first that is not null, or what its keywords imply. */
    private static String type(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type instanceof JsonString single) {
            return single.getString();
        }
        if (type instanceof JsonArray types) {
            return types.getValuesAs(JsonString::getString).stream().filter(name -> !name.equals("null")).findFirst()
                    .orElse("null");
        }
        if (schema.containsKey("properties")) {
            return "object";
        }
        return schema.containsKey("items") ? "array" : "string";
    }

    private JsonValue object(JsonObject schema, int depth) {
        JsonObjectBuilder sample = Json.createObjectBuilder();
        JsonObject properties = schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
        JsonArray required = schema.containsKey("required") ? schema.getJsonArray("required") : JsonValue.EMPTY_JSON_ARRAY;
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            if (required.isEmpty() || required.contains(Json.createValue(property.getKey()))) {
                sample.add(property.getKey(), sample(property.getValue(), depth + 1));
            }
        }
        return sample.build();
    }

    private JsonValue array(JsonObject schema, int depth) {
        JsonArrayBuilder sample = Json.createArrayBuilder();
        int count = Math.max(1, schema.getInt("minItems", 1));
        JsonValue items = schema.containsKey("items") ? schema.get("items") : JsonValue.EMPTY_JSON_OBJECT;
        for (int i = 0; i < count; i++) {
            sample.add(sample(items, depth + 1));
        }
        return sample.build();
    }

    private JsonValue merged(JsonArray parts, int depth) {
        JsonObjectBuilder merged = Json.createObjectBuilder();
        for (JsonValue part : parts) {
            JsonValue sample = sample(part, depth + 1);
            if (sample.getValueType() != JsonValue.ValueType.OBJECT) {
                return sample;
            }
            sample.asJsonObject().forEach(merged::add);
        }
        return merged.build();
    }

    private static BigDecimal number(JsonObject schema, BigDecimal fallback) {
        BigDecimal value = fallback;
        if (schema.get("minimum") instanceof JsonNumber minimum) {
            value = minimum.bigDecimalValue();
        }
        if (schema.get("exclusiveMinimum") instanceof JsonNumber minimum) {
            value = minimum.bigDecimalValue().add(BigDecimal.ONE);
        }
        if (schema.get("maximum") instanceof JsonNumber maximum && value.compareTo(maximum.bigDecimalValue()) > 0) {
            value = maximum.bigDecimalValue();
        }
        return value;
    }

    private static String string(JsonObject schema) {
        String text = switch (schema.getString("format", "")) {
            case "date-time" -> "2026-01-15T08:00:00Z";
            case "date" -> "2026-01-15";
            case "time" -> "08:00:00Z";
            case "uuid" -> "3f1c2a4e-7b9d-4c1e-9a2f-5d6e7f8a9b0c";
            case "email" -> "someone@example.gov.kh";
            case "uri", "url" -> "https://example.gov.kh/";
            case "hostname" -> "example.gov.kh";
            case "ipv4" -> "192.0.2.1";
            case "byte" -> "ZXhhbXBsZQ==";
            default -> "example";
        };
        int minLength = schema.getInt("minLength", 0);
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < minLength) {
            padded.append('x');
        }
        int maxLength = schema.getInt("maxLength", Integer.MAX_VALUE);
        return padded.length() > maxLength ? padded.substring(0, maxLength) : padded.toString();
    }
}
