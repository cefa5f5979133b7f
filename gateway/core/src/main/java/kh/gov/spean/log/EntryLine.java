package kh.gov.spean.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

/**
 * An entry's line in two halves, so that appending threads do the JSON work in parallel: each serialises its entry
 * without the fields only the writer knows (index, link, time — always first, see {@link LogEntry}), and the writer
 * puts those in front.
 */
final class EntryLine {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
    private static final byte[] PLACEHOLDER = json(
            new LogEntry(0, "", Instant.EPOCH, "", null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null));
    /** Length of the first three fields in the serialised form: the part the writer fills in. */
    private static final int PREFIX_LENGTH = prefixLength();

    private EntryLine() {
    }

    /** The entry's JSON after its first three fields, starting with the comma before its fourth. */
    static byte[] tail(LogEntry entry) {
        byte[] json = json(entry.placed(0, "", Instant.EPOCH));
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

    /**
     * The entry as JSON, fields in the order {@link LogEntry} declares and nulls left out — what JSON-B writes for it,
     * written with JSON-P's streaming generator because this runs for every entry of a busy node.
     */
    static byte[] json(LogEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(3072);
        try (JsonGenerator json = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartObject()
                    .write("index", entry.index())
                    .write("previous", entry.previous())
                    .write("recordedAt", entry.recordedAt().toString());
            field(json, "kind", entry.kind());
            field(json, "node", entry.node());
            field(json, "envelopeId", entry.envelopeId());
            field(json, "type", entry.type());
            field(json, "sender", entry.sender());
            field(json, "recipient", entry.recipient());
            field(json, "client", entry.client());
            field(json, "service", entry.service());
            field(json, "header", entry.header());
            field(json, "signature", entry.signature());
            field(json, "signer", entry.signer());
            field(json, "ciphertextSha256", entry.ciphertextSha256());
            field(json, "recordSha256", entry.recordSha256());
            field(json, "result", entry.result());
            field(json, "detail", entry.detail());
            if (entry.count() != null) {
                json.write("count", entry.count());
            }
            field(json, "subjectTag", entry.subjectTag());
            json.writeEnd();
        }
        return out.toByteArray();
    }

    private static void field(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
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
