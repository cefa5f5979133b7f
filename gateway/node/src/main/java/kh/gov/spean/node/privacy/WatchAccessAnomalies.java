package kh.gov.spean.node.privacy;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.log.LogEntry;
import kh.gov.spean.node.ExchangeKeys;

/** Step, at the provider's node once a delivery is logged: looks at it for unusual access by its official. */
public final class WatchAccessAnomalies implements Processor {

    private final NodeAnomalies anomalies;
    private final Clock clock;

    public WatchAccessAnomalies(NodeAnomalies anomalies, Clock clock) {
        this.anomalies = anomalies;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        LogEntry delivered = exchange.getProperty(ExchangeKeys.DELIVERED_ENTRY, LogEntry.class);
        if (delivered != null && delivered.subjectTag() != null) {
            anomalies.observe(delivered.placed(exchange.getProperty(ExchangeKeys.DELIVERED_INDEX, Long.class), null,
                    clock.instant()));
        }
    }
}
