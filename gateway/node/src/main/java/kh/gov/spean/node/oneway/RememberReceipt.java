package kh.gov.spean.node.oneway;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.node.ExchangeKeys;

/** Step: once its receipt is in the message log, a one-way request counts as delivered: a retry will not reach the backend. */
public final class RememberReceipt implements Processor {

    private final ReceiptedMessages receipted;
    private final TimeWindow window;
    private final Clock clock;

    public RememberReceipt(ReceiptedMessages receipted, TimeWindow window, Clock clock) {
        this.receipted = receipted;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        receipted.remember(request.header().id(), window.forgettableAfter(request.header()), clock.instant());
    }
}
