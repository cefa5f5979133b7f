package kh.gov.spean.node.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * What follows the service id in an X-Road REST call, {@code [/path][?query]}, exactly as the client sent it
 * (percent-encoded, repeated query parameters repeated), once proven unable to leave the service's base URL
 * (decision 0046): no {@code .} or {@code ..} segment, no empty segment ({@code //}), no encoded separator
 * ({@code %2F}, {@code %5C}, also double-encoded), no backslash or control character, no scheme, nothing outside
 * RFC 3986's path and query characters, and no more than {@link #MAX_LENGTH} characters. Checked at the client's node
 * and again at the provider's, which trusts no other node's checks.
 *
 * @param path  empty, or starting with {@code /}
 * @param query the raw query without its {@code ?}, or null when there was none
 */
public record RequestTarget(String path, String query) {

    /** PR-REST §4.2: most clients stop at 2,000 characters; data beyond that belongs in the body. */
    public static final int MAX_LENGTH = 2000;

    /** RFC 3986 pchar, percent-escapes checked separately. */
    private static final Pattern PATH_CHARS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*");
    private static final Pattern QUERY_CHARS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:.*");
    /** Decoding this many times finds what a backend that decodes twice would see, and more. */
    private static final int DECODINGS = 3;

    public static final RequestTarget NONE = new RequestTarget("", null);

    public RequestTarget {
        path = path == null ? "" : path;
        if (path.length() + (query == null ? 0 : query.length() + 1) > MAX_LENGTH) {
            throw new SpeanException(ErrorCode.TARGET_TOO_LONG, "the path and query after the service id are longer than "
                    + MAX_LENGTH + " characters; send such data in the body");
        }
        checkPath(path);
        if (query != null) {
            checkQuery(query);
        }
    }

    /** Parses {@code [/path][?query]} as carried in a REST frame. */
    public static RequestTarget parse(String target) {
        int mark = target.indexOf('?');
        return mark < 0 ? new RequestTarget(target, null)
                : new RequestTarget(target.substring(0, mark), target.substring(mark + 1));
    }

    @Override
    public String toString() {
        return query == null ? path : path + "?" + query;
    }

    private static void checkPath(String path) {
        if (path.isEmpty()) {
            return;
        }
        if (!path.startsWith("/") || !PATH_CHARS.matcher(path).matches()) {
            throw refused("the path after the service id has characters a URI path may not hold unencoded");
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                throw refused("the path after the service id has an empty segment (//)");
            }
            String decoded = segment;
            for (int round = 0; round < DECODINGS && decoded.indexOf('%') >= 0; round++) {
                decoded = percentDecode(decoded);
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                throw refused("the path after the service id has a '.' or '..' segment");
            }
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                throw refused("the path after the service id has an encoded separator (%2F or %5C)");
            }
            if (decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw refused("the path after the service id has an encoded control character");
            }
            if (i == 0 && SCHEME.matcher(decoded).matches()) {
                throw refused("the path after the service id starts with a URI scheme");
            }
        }
    }

    private static void checkQuery(String query) {
        if (!QUERY_CHARS.matcher(query).matches()) {
            throw refused("the query has characters a URI query may not hold unencoded");
        }
        percentDecode(query);
    }

    /** RFC 3986 §2.1 percent-decoding into UTF-8; a broken escape is the caller's malformed request. */
    static String percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw refused("a percent-escape is broken");
                }
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static SpeanException refused(String detail) {
        return new SpeanException(ErrorCode.MALFORMED_REQUEST, detail);
    }
}
