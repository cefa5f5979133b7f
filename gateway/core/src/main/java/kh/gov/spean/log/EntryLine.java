package kh.gov.spean.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import kh.gov.spean.json.SpeanJson;

/**
 * An entry's line in two halves, so that appending threads do the JSON work in parallel: each serialises its entry
 * without the fields only the writer knows (index, link, time — always first, see {@link LogEntry}), and the writer
 * puts those in front.
 */
final class EntryLine {

    private static final byte[] PLACEHOLDER = SpeanJson.toBytes(
            new LogEntry(0, "", Instant.EPOCH, "", null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null));
    /** Length of the first three fields in the serialised form: the part the writer fills in. */
    private static final int PREFIX_LENGTH = prefixLength();

    private EntryLine() {
    }

    /** The entry's JSON after its first three fields, starting with the comma before its fourth. */
    static byte[] tail(LogEntry entry) {
        byte[] json = SpeanJson.toBytes(entry.placed(0, "", Instant.EPOCH));
        byte[] tail = new byte[json.length - PREFIX_LENGTH];
        System.arraycopy(json, PREFIX_LENGTH, tail, 0, tail.length);
        return tail;
    }

    static byte[] place(long index, String previous, Instant recordedAt, byte[] tail) {
        byte[] head = ("{\"index\":" + index + ",\"previous\":\"" + previous + "\",\"recordedAt\":\"" + recordedAt + "\"")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(tail, 0, line, head.length, tail.length);
        return line;
    }

    private static int prefixLength() {
        String placeholder = new String(PLACEHOLDER, StandardCharsets.UTF_8);
        String expected = "{\"index\":0,\"previous\":\"\",\"recordedAt\":\"" + Instant.EPOCH + "\"";
        if (!placeholder.startsWith(expected)) {
            throw new IllegalStateException("log entries must serialise index, previous and recordedAt first: " + placeholder);
        }
        return expected.length();
    }
}
