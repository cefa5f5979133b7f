package kh.gov.spean.json;

import java.util.Locale;

import jakarta.json.bind.JsonbException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Proves a text is exactly one complete JSON value within bounds — size, nesting, string, name and number lengths,
 * exponents, no key twice in one object — before Yasson or Parsson reads it. Parsson's {@code skipArray} and
 * {@code skipObject} never check for the end of input, so Yasson skipping an unknown property of a truncated text
 * ({@code {"v":1,"x":[}) spins for ever; on a text this class passed, every structure is closed and the skip ends.
 * Jackson's streaming parser checks every byte once and refuses at the end of input, so this costs linear time.
 */
public final class WellFormedJson {

    /** The most characters any JSON text read by Spean may have: larger than any record, entry or configuration. */
    public static final int MAX_CHARS = 16 << 20;
    public static final int MAX_DEPTH = 64;
    /** The largest power of ten a number may carry: {@code 1e999999999} made an exact integer would take for ever. */
    static final int MAX_EXPONENT = 400;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_CHARS)
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(100)
                    .maxNameLength(1_000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private WellFormedJson() {
    }

    /** Returns normally when {@code text} is one complete, bounded JSON value; otherwise says why, never quoting it. */
    public static void require(String text) {
        if (text.length() > MAX_CHARS) {
            throw new NotWellFormedJsonException("longer than " + MAX_CHARS + " characters");
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new NotWellFormedJsonException("empty");
            }
            int depth = 0;
            while (true) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_NUMBER_FLOAT -> requireModestExponent(parser.getString());
                    default -> {
                    }
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
            }
            if (parser.nextToken() != null) {
                throw new NotWellFormedJsonException("more than one JSON value");
            }
        } catch (JacksonException e) {
            throw new NotWellFormedJsonException(reason(e) + location(e));
        }
    }

    private static void requireModestExponent(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return;
        }
        String digits = number.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+", "");
        if (digits.length() > 3 || (!digits.isEmpty() && Integer.parseInt(digits) > MAX_EXPONENT)) {
            throw new NotWellFormedJsonException("a number's exponent is beyond ±" + MAX_EXPONENT);
        }
    }

    /** The kind of problem Jackson found, never its message itself: that can quote the text. */
    public static String reason(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("duplicate")) {
            return "a key appears twice in one object";
        }
        if (message.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.contains("end-of-input") || message.contains("eof")) {
            return "the JSON ends early";
        }
        if (message.contains("length") && message.contains("exceeds")) {
            return "a document, name or number is longer than allowed";
        }
        if (message.contains("control character")) {
            return "a control character is not escaped";
        }
        if (message.contains("trailing")) {
            return "data follows the JSON value";
        }
        return "not well-formed";
    }

    /** Where Jackson found it, as " at line L, column C", or nothing. */
    public static String location(JacksonException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** Thrown for a text that is not one complete, bounded JSON value. */
    public static final class NotWellFormedJsonException extends JsonbException {

        private static final long serialVersionUID = 1L;

        NotWellFormedJsonException(String reason) {
            super("not well-formed JSON: " + reason);
        }
    }
}
