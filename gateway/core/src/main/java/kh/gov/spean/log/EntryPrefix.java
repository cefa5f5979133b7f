package kh.gov.spean.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The first fields of an entry line as the log writes them ({@code index}, {@code previous}, {@code recordedAt}, in
 * that order), read without a JSON parser: what checking the chain and the tree needs, at a small fraction of the cost.
 * A line of any other shape yields null, and the verifier parses it in full.
 */
record EntryPrefix(long index, String previous, Instant recordedAt) {

    private static final String INDEX = "{\"index\":";
    private static final String PREVIOUS = ",\"previous\":\"";
    private static final String RECORDED_AT = "\",\"recordedAt\":\"";

    static EntryPrefix read(byte[] line) {
        String head = new String(line, 0, Math.min(line.length, 200), StandardCharsets.US_ASCII);
        if (!head.startsWith(INDEX)) {
            return null;
        }
        int previousAt = head.indexOf(PREVIOUS);
        int recordedAt = head.indexOf(RECORDED_AT);
        int recordedEnd = recordedAt < 0 ? -1 : head.indexOf('"', recordedAt + RECORDED_AT.length());
        if (previousAt < 0 || recordedAt < previousAt || recordedEnd < 0) {
            return null;
        }
        try {
            return new EntryPrefix(Long.parseLong(head.substring(INDEX.length(), previousAt)),
                    head.substring(previousAt + PREVIOUS.length(), recordedAt),
                    Instant.parse(head.substring(recordedAt + RECORDED_AT.length(), recordedEnd)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
