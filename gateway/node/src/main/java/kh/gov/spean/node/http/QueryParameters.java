package kh.gov.spean.node.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.camel.Exchange;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** The query parameters of a GET at the HTTP edge; a malformed one is the caller's fault, with its code. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The decoded value of {@code name}, or null when the query does not give it (or gives it empty). */
    public static String text(Exchange exchange, String name) {
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith(name + "=") && parameter.length() > name.length() + 1) {
                try {
                    return URLDecoder.decode(parameter.substring(name.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new SpeanException(ErrorCode.MALFORMED_REQUEST, name + " is not percent-encoded correctly");
                }
            }
        }
        return null;
    }

    /** An RFC 3339 instant, or null. */
    public static Instant instant(Exchange exchange, String name) {
        String value = text(exchange, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST,
                    name + " must be an RFC 3339 instant, e.g. 2026-11-25T08:00:00Z");
        }
    }
}
