package kh.gov.spean.node.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: reads {@code POST /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}} with its {@code X-Road-Client} header
 * and JSON body into a {@link ServiceCall}, refusing what is malformed, unknown or too large.
 */
public final class ReadServiceCall implements Processor {

    static final String PREFIX = "/r1/";

    private final Federation federation;
    private final int maxMessageBytes;

    public ReadServiceCall(Federation federation, int maxMessageBytes) {
        this.federation = federation;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        exchange.setProperty(ExchangeKeys.RECEIVED_AT, System.currentTimeMillis());
        ServiceId serviceId = parseService(in.getHeader(Exchange.HTTP_PATH, String.class),
                in.getHeader(Exchange.HTTP_URI, String.class));
        SubsystemId client = parseClient(in.getHeader(XRoadHeaders.CLIENT, String.class));
        Federation.Service service = federation.service(serviceId).orElseThrow(() -> new SpeanException(
                ErrorCode.UNKNOWN_SERVICE, "no service " + serviceId + " in the federation configuration"));
        if (!federation.hasSubsystem(client)) {
            throw new SpeanException(ErrorCode.UNKNOWN_CLIENT, "no subsystem " + client + " in the federation configuration");
        }
        requireJson(in.getHeader(Exchange.CONTENT_TYPE, String.class));
        Long declaredLength = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declaredLength != null && declaredLength > maxMessageBytes) {
            throw tooLarge(declaredLength);
        }
        byte[] payload = in.getBody(byte[].class);
        if (payload == null || payload.length == 0) {
            throw new SpeanException(ErrorCode.MALFORMED_JSON, "the request has no body");
        }
        if (payload.length > maxMessageBytes) {
            throw tooLarge(payload.length);
        }
        exchange.setProperty(ExchangeKeys.SERVICE_CALL, new ServiceCall(client, service, payload));
        exchange.setProperty(ExchangeKeys.PREFER, in.getHeader("Prefer", String.class));
    }

    private static ServiceId parseService(String path, String uri) {
        String requested = uri != null ? uri : path;
        if (requested == null) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "no request path");
        }
        int query = requested.indexOf('?');
        if (query >= 0) {
            requested = requested.substring(0, query);
        }
        int start = requested.indexOf(PREFIX);
        if (start < 0) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST,
                    "the path must be /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}");
        }
        String id = URLDecoder.decode(requested.substring(start + PREFIX.length()), StandardCharsets.UTF_8);
        try {
            return ServiceId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        }
    }

    private static SubsystemId parseClient(String header) {
        if (header == null || header.isBlank()) {
            throw new SpeanException(ErrorCode.UNKNOWN_CLIENT, "the " + XRoadHeaders.CLIENT
                    + " header is required: INSTANCE/CLASS/MEMBER/SUBSYSTEM");
        }
        try {
            return SubsystemId.parse(header.trim());
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.UNKNOWN_CLIENT, XRoadHeaders.CLIENT + ": " + e.getMessage());
        }
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new SpeanException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json, was " + mediaType);
        }
    }

    private SpeanException tooLarge(long size) {
        return new SpeanException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the payload is " + size + " bytes; the maximum is " + maxMessageBytes);
    }
}
