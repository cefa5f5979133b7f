package kh.gov.spean.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The part of an X-Road REST message that travels sealed beside its body (decision 0046): the request target (the path
 * after the service id, and the query, exactly as the client sent them; empty on answers) and the headers passed
 * end to end, in order, a repeated header repeated. Framed as length-prefixed UTF-8 strings so that any body follows
 * byte for byte: {@code u32 count, then count × (u32 length, bytes)}, the first string the target, then name, value
 * pairs.
 */
public record RestFrame(String target, List<Field> headers) {

    /** One header field as sent; names keep the sender's case. */
    public record Field(String name, String value) {
    }

    /** No frame holds more strings than this: a header count beyond it is a malformed plaintext, not an allocation. */
    static final int MAX_STRINGS = 1 + 2 * 512;

    public RestFrame {
        target = target == null ? "" : target;
        headers = List.copyOf(headers);
    }

    /** The first value of {@code name} (case-insensitive), or null. */
    public String header(String name) {
        return headers.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).findFirst()
                .orElse(null);
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> strings = new ArrayList<>();
        strings.add(target);
        for (Field field : headers) {
            strings.add(field.name());
            strings.add(field.value());
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(strings.size()).array());
        for (String string : strings) {
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** Reads a frame from the start of {@code plaintext}; the rest is the body. */
    static Framed decode(byte[] plaintext) {
        ByteBuffer in = ByteBuffer.wrap(plaintext);
        int count = readInt(in);
        if (count < 1 || count > MAX_STRINGS || count % 2 != 1) {
            throw malformed("a REST frame holds a target and name, value pairs; it holds " + count + " strings");
        }
        String target = readString(in);
        List<Field> headers = new ArrayList<>();
        for (int i = 1; i < count; i += 2) {
            headers.add(new Field(readString(in), readString(in)));
        }
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return new Framed(new RestFrame(target, headers), body);
    }

    /** A frame and the body after it. */
    record Framed(RestFrame frame, byte[] body) {
    }

    private static String readString(ByteBuffer in) {
        int length = readInt(in);
        if (length < 0 || length > in.remaining()) {
            throw malformed("a length in the REST frame runs past its end");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int readInt(ByteBuffer in) {
        if (in.remaining() < 4) {
            throw malformed("the REST frame ends before its lengths");
        }
        return in.getInt();
    }

    private static SpeanException malformed(String detail) {
        return new SpeanException(ErrorCode.ENVELOPE_MALFORMED, detail);
    }
}
