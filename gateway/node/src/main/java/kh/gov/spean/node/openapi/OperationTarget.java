package kh.gov.spean.node.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** A request target split into its path ("/" when empty: a call on the service itself) and its decoded query parameters. */
record OperationTarget(String path, Map<String, List<String>> query) {

    static OperationTarget of(String target) {
        String text = target == null ? "" : target;
        int question = text.indexOf('?');
        String path = question < 0 ? text : text.substring(0, question);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String parameter : text.substring(question + 1).split("&")) {
                if (!parameter.isEmpty()) {
                    int equals = parameter.indexOf('=');
                    String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
                    String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
                    query.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
                }
            }
        }
        return new OperationTarget(path.isEmpty() ? "/" : path, query);
    }

    /** A percent-encoded query name or value, decoded (a {@code +} is a space, as in a form). */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "the query is not percent-encoded correctly");
        }
    }
}
