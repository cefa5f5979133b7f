package kh.gov.spean.json;

import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/** The one configured JSON-B instance (Yasson): UTF-8, nulls omitted, records bound both ways. Thread-safe. */
public final class SpeanJson {

    private static final Jsonb COMPACT = JsonbBuilder.create(config());
    private static final Jsonb PRETTY = JsonbBuilder.create(config().withFormatting(true));

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

    /** Parses JSON into {@code type}; throws {@link JsonbException} (unchecked) when the text does not bind. */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        return COMPACT.fromJson(new String(json, StandardCharsets.UTF_8), type);
    }
}
