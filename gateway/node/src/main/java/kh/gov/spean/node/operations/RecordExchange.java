package kh.gov.spean.node.operations;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.ServiceCall;
import kh.gov.spean.node.http.XRoadHeaders;

/** Step, last at the HTTP edge, answered or refused: counts the call by service, client and outcome, with its latency. */
public final class RecordExchange implements Processor {

    private final NodeMetrics metrics;

    public RecordExchange(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        Long receivedAt = exchange.getProperty(ExchangeKeys.RECEIVED_AT, Long.class);
        String error = exchange.getMessage().getHeader(XRoadHeaders.ERROR, String.class);
        metrics.exchange(call == null ? "none" : call.service().id().toString(),
                call == null ? "none" : call.client().toString(), error == null ? "ok" : error,
                Duration.ofMillis(receivedAt == null ? 0 : System.currentTimeMillis() - receivedAt));
    }
}
