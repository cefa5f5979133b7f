package kh.gov.spean.node.http;

import java.util.Locale;

/**
 * When a body is validated against its service's JSON Schema (decision 0046): when its media type is
 * {@code application/json} or {@code +json} (an empty body then is malformed JSON), or when a body comes with no media
 * type (the first layout's bodies were JSON without saying so). Any other media type, and no body with no media type,
 * travels as it is, held to the maximum message size only.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static boolean validated(String contentType, byte[] body) {
        return contentType != null ? isJson(contentType) : body != null && body.length > 0;
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
