package kh.gov.spean.node.operations;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: {@code GET /monitoring?member=KH/GOV/MEF&since=2026-11-25T08:00:00Z}: the operational monitoring records of
 * calls whose client or service belongs to the member, from that instant on (both optional).
 */
public final class ReadOperationalData implements Processor {

    /** The JSON answer. */
    public record OperationalData(List<OperationalRecord> records) {
    }

    private final OperationalMonitoring monitoring;

    public ReadOperationalData(OperationalMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void process(Exchange exchange) {
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        String member = parameter(query, "member");
        String since = parameter(query, "since");
        Instant from;
        try {
            from = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "since must be an RFC 3339 instant, e.g. 2026-11-25T08:00:00Z");
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        out.setBody(SpeanJson.toBytes(new OperationalData(monitoring.query(member, from))));
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith(name + "=")) {
                return URLDecoder.decode(parameter.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
