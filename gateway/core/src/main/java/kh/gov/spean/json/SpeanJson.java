package kh.gov.spean.json;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/**
 * The one configured JSON-B instance (Yasson): UTF-8, nulls omitted, records bound both ways. Thread-safe. Every text
 * it reads is first proven well-formed and bounded ({@link WellFormedJson}): Yasson and Parsson never see a text that
 * could make them spin.
 */
public final class SpeanJson {

    private static final Jsonb COMPACT = JsonbBuilder.create(config());
    private static final Jsonb PRETTY = JsonbBuilder.create(config().withFormatting(true));
    /** One factory for every tree read: {@code Json.createReader} looks its provider up on the class path each call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private SpeanJson() {
    }

    private static JsonbConfig config() {
        return new JsonbConfig().withNullValues(false).withAdapters(IdentifierAdapters.all());
    }

    public static byte[] toBytes(Object value) {
        return COMPACT.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Indented form, for files people read (the federation configuration, seeds, evidence). */
    public static String toPrettyString(Object value) {
        return PRETTY.toJson(value);
    }

    /**
     * Parses JSON into {@code type}; throws {@link JsonbException} (unchecked) when the text is not one complete,
     * bounded JSON value ({@link WellFormedJson.NotWellFormedJsonException}) or does not bind.
     */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        if (json.length > WellFormedJson.MAX_CHARS) {
            throw new WellFormedJson.NotWellFormedJsonException("longer than " + WellFormedJson.MAX_CHARS + " characters");
        }
        String text = new String(json, StandardCharsets.UTF_8);
        WellFormedJson.require(text);
        return COMPACT.fromJson(text, type);
    }

    /** Reads a JSON object as a tree; throws {@link JsonbException} when the text is not one, or not bounded. */
    public static JsonObject readObject(String json) {
        WellFormedJson.require(json);
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new JsonbException("not a JSON object", e);
        }
    }
}
