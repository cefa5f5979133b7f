package kh.gov.spean.node.operations;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Step: {@code GET /metrics} answers the node's metrics in the Prometheus text format. */
public final class WriteMetrics implements Processor {

    private final NodeMetrics metrics;

    public WriteMetrics(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getMessage().setBody(metrics.scrape());
    }
}
