package kh.gov.spean.cli.demo;

import java.util.Map;

/**
 * The call an example makes, X-Road REST style: the method, the path and query after the service id, the request
 * headers, the content type and the body (empty for none).
 *
 * @param path        "" or a path starting with {@code /}, appended to {@code /r1/SERVICE}
 * @param query       the query without its {@code ?}, or null for none
 * @param contentType the body's media type, or null when there is no body
 */
public record ExampleRequest(String method, String path, String query, Map<String, String> headers, String contentType,
                             byte[] body) {

    /** What follows the service id: {@code /path?query}. */
    public String target() {
        return path + (query == null ? "" : "?" + query);
    }
}
