package kh.gov.spean.node.metadata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: answers X-Road's REST metaservices — {@code GET /listClients}, and
 * {@code GET /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/listMethods | allowedMethods | getOpenAPI?serviceCode=...}
 * — from the federation configuration. {@code allowedMethods} needs {@code X-Road-Client}.
 */
public final class AnswerMetaService implements Processor {

    private final ServiceMetadata metadata;

    public AnswerMetaService(ServiceMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String path = uri == null ? "" : uri.split("\\?", 2)[0];
        JsonObject answer;
        if (path.endsWith("/listClients")) {
            answer = metadata.listClients();
        } else {
            int slash = path.lastIndexOf('/');
            String metaservice = path.substring(slash + 1);
            SubsystemId provider = provider(path.substring(0, Math.max(0, slash)));
            answer = switch (metaservice) {
                case "listMethods" -> metadata.listMethods(provider);
                case "allowedMethods" -> metadata.allowedMethods(provider, client(in.getHeader(XRoadHeaders.CLIENT, String.class)));
                case "getOpenAPI" -> metadata.openApi(provider, serviceCode(in.getHeader(Exchange.HTTP_QUERY, String.class)));
                default -> throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "no metaservice '" + metaservice
                        + "': listClients, listMethods, allowedMethods, getOpenAPI");
            };
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        in.setBody(answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private SubsystemId provider(String path) {
        int start = path.indexOf("/r1/");
        SubsystemId provider;
        try {
            provider = SubsystemId.parse(URLDecoder.decode(start < 0 ? path : path.substring(start + 4), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST,
                    "expected GET /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{metaservice}: " + e.getMessage());
        }
        if (!metadata.knows(provider)) {
            throw new SpeanException(ErrorCode.UNKNOWN_SERVICE, "no subsystem " + provider + " in the federation configuration");
        }
        return provider;
    }

    private SubsystemId client(String header) {
        try {
            SubsystemId client = SubsystemId.parse(header == null ? "" : header.trim());
            if (!metadata.knows(client)) {
                throw new IllegalArgumentException("not a subsystem of the federation");
            }
            return client;
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.UNKNOWN_CLIENT, "allowedMethods needs the " + XRoadHeaders.CLIENT
                    + " header naming a subsystem of the federation: " + e.getMessage());
        }
    }

    private static String serviceCode(String query) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("serviceCode=")) {
                return URLDecoder.decode(parameter.substring("serviceCode=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
