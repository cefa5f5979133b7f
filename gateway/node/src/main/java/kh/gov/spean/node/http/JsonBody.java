package kh.gov.spean.node.http;

import java.util.Locale;

/**
 * When a body is validated against its service's JSON Schema (decision 0046): when there is one and it is JSON — its
 * media type {@code application/json} or {@code +json}, or not given at all (the first layout's bodies were JSON
 * without saying so). Any other media type travels as it is, held to the maximum message size only.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static boolean validated(String contentType, byte[] body) {
        return body != null && body.length > 0 && (contentType == null || isJson(contentType));
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
