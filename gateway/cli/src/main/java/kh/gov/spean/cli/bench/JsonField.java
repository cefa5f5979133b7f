package kh.gov.spean.cli.bench;

import kh.gov.spean.json.SpeanJson;

/** Reads one text field of a JSON object the bench was sent or answered: the verdicts need no more than that. */
final class JsonField {

    private JsonField() {
    }

    /** The text field {@code name} of the object {@code json}, or null if it has none or is not a JSON object. */
    static String text(String json, String name) {
        try {
            return SpeanJson.readObject(json).getString(name, null);
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }
}
