package kh.gov.spean.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import kh.gov.spean.json.SpeanJson;

/**
 * Decides whether a new revision of a schema may replace the old one within the same major version: it may widen what
 * is accepted, never narrow it. Refused, each with where it happens: a property removed, a field newly required, a
 * type or an enum narrowed, additional properties closed, a length or size limit tightened, a pattern or format
 * changed, or any change to a composition (allOf, anyOf, oneOf…), which this check does not reason about.
 */
public final class SchemaCompatibility {

    /** One incompatible change: where in the schema (a JSON pointer-like path) and what. */
    public record Incompatibility(String path, String change) {
        @Override
        public String toString() {
            return path + ": " + change;
        }
    }

    private SchemaCompatibility() {
    }

    public static List<Incompatibility> compare(String oldSchema, String newSchema) {
        List<Incompatibility> found = new ArrayList<>();
        compare("$", read(oldSchema), read(newSchema), found);
        return found;
    }

    private static void compare(String path, JsonObject before, JsonObject after, List<Incompatibility> found) {
        Set<String> typesBefore = types(before);
        Set<String> typesAfter = types(after);
        if (!typesAfter.isEmpty() && !typesAfter.containsAll(typesBefore.isEmpty() ? Set.of("any") : typesBefore)) {
            found.add(new Incompatibility(path, "type narrowed from " + describe(typesBefore) + " to " + describe(typesAfter)));
        }
        if (after.containsKey("enum")) {
            Set<JsonValue> valuesAfter = new HashSet<>(after.getJsonArray("enum"));
            if (!before.containsKey("enum")) {
                found.add(new Incompatibility(path, "an enum now restricts the values"));
            } else {
                for (JsonValue value : before.getJsonArray("enum")) {
                    if (!valuesAfter.contains(value)) {
                        found.add(new Incompatibility(path, "enum value " + value + " removed"));
                    }
                }
            }
        }
        JsonObject propertiesBefore = objectOrEmpty(before, "properties");
        JsonObject propertiesAfter = objectOrEmpty(after, "properties");
        for (String name : propertiesBefore.keySet()) {
            if (!propertiesAfter.containsKey(name)) {
                found.add(new Incompatibility(path + "." + name, "property removed"));
            } else if (propertiesBefore.get(name) instanceof JsonObject oldProperty
                    && propertiesAfter.get(name) instanceof JsonObject newProperty) {
                compare(path + "." + name, oldProperty, newProperty, found);
            }
        }
        Set<String> requiredBefore = strings(before, "required");
        for (String name : strings(after, "required")) {
            if (!requiredBefore.contains(name)) {
                found.add(new Incompatibility(path + "." + name, "field newly required"));
            }
        }
        if (closes(before, after)) {
            found.add(new Incompatibility(path, "additional properties no longer allowed"));
        }
        for (String limit : List.of("maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties")) {
            tightened(path, limit, before, after, true, found);
        }
        for (String limit : List.of("minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties")) {
            tightened(path, limit, before, after, false, found);
        }
        for (String keyword : List.of("pattern", "format", "const")) {
            if (after.containsKey(keyword) && !after.get(keyword).equals(before.get(keyword))) {
                found.add(new Incompatibility(path, keyword + " changed from " + before.get(keyword) + " to " + after.get(keyword)));
            }
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref")) {
            // Compositions are not reasoned about: any change to one is refused, to be split into a new major version.
            if (after.containsKey(keyword) && !after.get(keyword).equals(before.get(keyword))) {
                found.add(new Incompatibility(path, keyword + " changed (compositions may only change in a new major version)"));
            }
        }
        if (before.get("items") instanceof JsonObject oldItems && after.get("items") instanceof JsonObject newItems) {
            compare(path + "[]", oldItems, newItems, found);
        }
    }

    private static void tightened(String path, String limit, JsonObject before, JsonObject after, boolean upper,
                                  List<Incompatibility> found) {
        if (!(after.get(limit) instanceof JsonNumber newLimit)) {
            return;
        }
        if (!(before.get(limit) instanceof JsonNumber oldLimit)) {
            found.add(new Incompatibility(path, limit + " " + newLimit + " added"));
            return;
        }
        int order = newLimit.bigDecimalValue().compareTo(oldLimit.bigDecimalValue());
        if (upper ? order < 0 : order > 0) {
            found.add(new Incompatibility(path, limit + " tightened from " + oldLimit + " to " + newLimit));
        }
    }

    private static boolean closes(JsonObject before, JsonObject after) {
        boolean openBefore = !JsonValue.FALSE.equals(before.get("additionalProperties"));
        boolean openAfter = !JsonValue.FALSE.equals(after.get("additionalProperties"));
        return openBefore && !openAfter;
    }

    private static Set<String> types(JsonObject schema) {
        JsonValue type = schema.get("type");
        Set<String> types = new HashSet<>();
        if (type instanceof JsonString single) {
            types.add(single.getString());
        } else if (type instanceof JsonArray several) {
            several.getValuesAs(JsonString.class).forEach(value -> types.add(value.getString()));
        }
        if (types.contains("number")) {
            types.add("integer");
        }
        return types;
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "any" : String.join("|", new TreeSet<>(types));
    }

    private static Set<String> strings(JsonObject schema, String keyword) {
        Set<String> values = new HashSet<>();
        if (schema.get(keyword) instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(value -> values.add(value.getString()));
        }
        return values;
    }

    private static JsonObject objectOrEmpty(JsonObject schema, String keyword) {
        return schema.get(keyword) instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonObject read(String schema) {
        return SpeanJson.readObject(schema);
    }
}
