package kh.gov.spean.node.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: reads an X-Road REST call, {@code METHOD /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}[/vN][/path][?query]}
 * (PR-REST §4.1), with its {@code X-Road-Client} (the last one when repeated), the X-Road headers it may give, the
 * headers that travel end to end and its body (any media type, possibly empty) into a {@link ServiceCall}, refusing
 * what is malformed, unknown or too large.
 */
public final class ReadServiceCall implements Processor {

    static final String PREFIX = "/r1/";
    /** Visible ASCII: what a header value may hold here and still be echoed back safely. */
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]{1,255}");
    private static final Pattern REPRESENTED_PARTY = Pattern.compile("([^/]{1,64}/)?[^/]{1,64}");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,4}");

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
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (method == null || !RestFields.METHODS.contains(method)) {
            throw new SpeanException(ErrorCode.METHOD_NOT_ALLOWED, "method " + method + " is not relayed; "
                    + String.join(", ", RestFields.METHODS.stream().sorted().toList()) + " are");
        }
        String uri = rawUri(in);
        int mark = uri.indexOf('?');
        String path = mark < 0 ? uri : uri.substring(0, mark);
        String query = mark < 0 ? null : uri.substring(mark + 1);
        if (!path.startsWith(PREFIX)) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST,
                    "the path must be /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}[/path][?query]");
        }
        List<Map.Entry<String, Object>> headers = headers(in);
        SubsystemId client = parseClient(last(headers, XRoadHeaders.CLIENT));
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        Federation.Service service = service(parts);
        int used = service.id().version() == null ? 5 : 6;
        StringBuilder rest = new StringBuilder();
        for (int i = used; i < parts.length; i++) {
            rest.append('/').append(parts[i]);
        }
        RequestTarget target = new RequestTarget(rest.toString(), query);
        if (!federation.hasSubsystem(client)) {
            throw new SpeanException(ErrorCode.UNKNOWN_CLIENT, "no subsystem " + client + " in the federation configuration");
        }
        Long declaredLength = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declaredLength != null && declaredLength > maxMessageBytes) {
            throw tooLarge(declaredLength);
        }
        byte[] payload = in.getBody(byte[].class);
        payload = payload == null ? new byte[0] : payload;
        if (payload.length > maxMessageBytes) {
            throw tooLarge(payload.length);
        }
        String messageId = optional(headers, XRoadHeaders.ID, VISIBLE, "at most 128 visible ASCII characters");
        RestFields fields = RestFields.request(method, messageId, UUID.randomUUID().toString(),
                optional(headers, XRoadHeaders.USER_ID, PRINTABLE, "at most 255 printable ASCII characters"),
                optional(headers, XRoadHeaders.ISSUE, PRINTABLE, "at most 255 printable ASCII characters"),
                representedParty(optional(headers, XRoadHeaders.REPRESENTED_PARTY, PRINTABLE,
                        "[MEMBERCLASS/]MEMBERCODE")),
                optional(headers, XRoadHeaders.PURPOSE, VISIBLE, "at most 128 visible ASCII characters"));
        exchange.setProperty(ExchangeKeys.SERVICE_CALL, new ServiceCall(client, service, payload, fields,
                new RestFrame(target.toString(), TransportedHeaders.of(headers))));
        exchange.setProperty(ExchangeKeys.PREFER, last(headers, "Prefer"));
    }

    /** The path and query exactly as sent: Vert.x's own, not Camel's (which adds the query's parameters as headers). */
    private static String rawUri(Message in) {
        String uri = in instanceof HttpMessage http ? http.getRequest().uri() : in.getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "no request path");
        }
        return uri;
    }

    /**
     * The request's headers as sent, in order (a form's Content-Type read back from where {@link KeepFormBodiesWhole}
     * set it aside, last); Camel's copy only when there is no Vert.x request (a direct call).
     */
    private static List<Map.Entry<String, Object>> headers(Message in) {
        List<Map.Entry<String, Object>> headers = new ArrayList<>();
        if (in instanceof HttpMessage http) {
            HttpServerRequest request = http.getRequest();
            request.headers().forEach(header -> headers.add(Map.entry(
                    header.getKey().equalsIgnoreCase(KeepFormBodiesWhole.SET_ASIDE) ? XRoadHeaders.CONTENT_TYPE
                            : header.getKey(), header.getValue())));
        } else {
            in.getHeaders().forEach((name, value) -> headers.add(new AbstractMap.SimpleEntry<>(name, value)));
        }
        return headers;
    }

    /** PR-REST §4.3: of repeated headers, the last one counts. */
    private static String last(List<Map.Entry<String, Object>> headers, String name) {
        String value = null;
        for (Map.Entry<String, Object> header : headers) {
            if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                value = header.getValue() instanceof List<?> list && !list.isEmpty()
                        ? String.valueOf(list.get(list.size() - 1)) : String.valueOf(header.getValue());
            }
        }
        return value;
    }

    private static String optional(List<Map.Entry<String, Object>> headers, String name, Pattern form, String expected) {
        String value = last(headers, name);
        if (value != null && !form.matcher(value).matches()) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "the " + name + " header must be " + expected);
        }
        return value;
    }

    private static String representedParty(String value) {
        if (value != null && !REPRESENTED_PARTY.matcher(value).matches()) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST,
                    "the " + XRoadHeaders.REPRESENTED_PARTY + " header must be [MEMBERCLASS/]MEMBERCODE");
        }
        return value;
    }

    /**
     * The service the first five parts name, each percent-decoded on its own (PR-REST §4.2), or six when the sixth is a
     * version the federation serves ({@code verifyCitizen/v2}); what follows is the path for the backend.
     */
    private Federation.Service service(String[] parts) {
        if (parts.length < 5) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST,
                    "the path must be /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}[/path][?query]");
        }
        ServiceId id;
        try {
            id = new ServiceId(new SubsystemId(new MemberId(decode(parts[0]), decode(parts[1]),
                    decode(parts[2])), decode(parts[3])), decode(parts[4]), null);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        }
        if (parts.length > 5 && VERSION.matcher(parts[5]).matches()) {
            try {
                ServiceId versioned = new ServiceId(id.subsystem(), id.serviceCode(), parts[5]);
                Optional<Federation.Service> service = federation.service(versioned);
                if (service.isPresent()) {
                    return service.get();
                }
            } catch (IllegalArgumentException e) {
                // v1 or v0 is no service version: a path segment for the backend.
            }
        }
        ServiceId found = id;
        return federation.service(found).orElseThrow(() -> new SpeanException(
                ErrorCode.UNKNOWN_SERVICE, "no service " + found + " in the federation configuration"));
    }

    private static String decode(String part) {
        return RequestTarget.percentDecode(part);
    }

    private static SubsystemId parseClient(String header) {
        if (header == null || header.isBlank()) {
            throw new SpeanException(ErrorCode.UNKNOWN_CLIENT, "the " + XRoadHeaders.CLIENT
                    + " header is required: INSTANCE/CLASS/MEMBER/SUBSYSTEM");
        }
        try {
            String[] parts = header.trim().split("/", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("expected INSTANCE/CLASS/MEMBER/SUBSYSTEM, got '" + header.trim() + "'");
            }
            return new SubsystemId(new MemberId(decode(parts[0]), decode(parts[1]), decode(parts[2])),
                    decode(parts[3]));
        } catch (IllegalArgumentException | SpeanException e) {
            throw new SpeanException(ErrorCode.UNKNOWN_CLIENT, XRoadHeaders.CLIENT + ": " + e.getMessage());
        }
    }

    private SpeanException tooLarge(long size) {
        return new SpeanException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the payload is " + size + " bytes; the maximum is " + maxMessageBytes);
    }
}
