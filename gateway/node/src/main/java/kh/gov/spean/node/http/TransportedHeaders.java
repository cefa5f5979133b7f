package kh.gov.spean.node.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import kh.gov.spean.envelope.RestFrame;

/**
 * Which HTTP headers travel end to end, sealed in the payload (PR-REST §4.3): every header the client or the backend
 * set, unmodified and in order, except the hop-by-hop headers, those that reveal a host (Host, User-Agent, Server),
 * the framing ones the nodes set themselves (Content-Length, Expect), Accept-Encoding (compression is per hop: the
 * nodes validate what they carry, so a backend is asked for no encoding; a body the client or the backend did encode
 * travels as encoded, with its Content-Encoding), the X-Road and Spean headers the nodes set or carry in the signed
 * header, and Camel's own.
 */
public final class TransportedHeaders {

    private static final Set<String> FILTERED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "user-agent", "server",
            "content-length", "expect", "http2-settings", "accept-encoding");

    private TransportedHeaders() {
    }

    /** True when a header of this name travels end to end. */
    public static boolean travels(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !FILTERED.contains(lower) && !lower.startsWith("x-road-") && !lower.startsWith("x-spean-")
                && !lower.startsWith("camel") && !lower.startsWith(":");
    }

    /** The fields of {@code headers} that travel, a repeated one repeated; values that are lists give one field each. */
    public static List<RestFrame.Field> of(Iterable<Map.Entry<String, Object>> headers) {
        List<RestFrame.Field> fields = new ArrayList<>();
        for (Map.Entry<String, Object> header : headers) {
            if (!travels(header.getKey()) || header.getValue() == null) {
                continue;
            }
            if (header.getValue() instanceof Iterable<?> values) {
                values.forEach(value -> fields.add(new RestFrame.Field(header.getKey(), String.valueOf(value))));
            } else {
                fields.add(new RestFrame.Field(header.getKey(), String.valueOf(header.getValue())));
            }
        }
        return fields;
    }
}
