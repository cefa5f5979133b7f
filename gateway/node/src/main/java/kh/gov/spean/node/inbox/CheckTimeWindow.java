package kh.gov.spean.node.inbox;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.node.ExchangeKeys;

/** Step: refuses an envelope that has expired or claims to be issued in the future. */
public final class CheckTimeWindow implements Processor {

    private final TimeWindow window;
    private final Clock clock;

    public CheckTimeWindow(TimeWindow window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        window.check(exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header(), clock.instant());
    }
}
