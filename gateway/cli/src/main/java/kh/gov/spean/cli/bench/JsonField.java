package kh.gov.spean.cli.bench;

import java.io.StringReader;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;

/** Reads one text field of a JSON object the bench was sent or answered: the verdicts need no more than that. */
final class JsonField {

    /** One factory for every read: {@code Json.createReader} looks its provider up on the class path each call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private JsonField() {
    }

    /** The text field {@code name} of the object {@code json}, or null if it has none or is not a JSON object. */
    static String text(String json, String name) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject().getString(name, null);
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }
}
