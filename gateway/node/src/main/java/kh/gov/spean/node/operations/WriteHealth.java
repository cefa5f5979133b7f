package kh.gov.spean.node.operations;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.http.XRoadHeaders;

/** Step: {@code GET /health} answers 200 and {@code UP} when every check passes, else 503 naming what is down. */
public final class WriteHealth implements Processor {

    /** The JSON answer. */
    public record Health(String status, Map<String, String> checks, String edge) {
    }

    private final HealthCheck health;
    private final String edge;

    /** {@code edge} says how the HTTP edge is protected: a plain-HTTP (development) edge is announced with each answer. */
    public WriteHealth(HealthCheck health, String edge) {
        this.health = health;
        this.edge = edge;
    }

    @Override
    public void process(Exchange exchange) {
        HealthCheck.Status status = health.status();
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status.up() ? 200 : 503);
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        out.setBody(SpeanJson.toBytes(new Health(status.up() ? "UP" : "DOWN", status.checks(), edge)));
    }
}
