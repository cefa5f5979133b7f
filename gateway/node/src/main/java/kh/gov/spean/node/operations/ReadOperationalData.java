package kh.gov.spean.node.operations;

import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.http.QueryParameters;
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
        String member = QueryParameters.text(exchange, "member");
        Instant from = QueryParameters.instant(exchange, "since");
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        out.setBody(SpeanJson.toBytes(new OperationalData(monitoring.query(member, from))));
    }
}
