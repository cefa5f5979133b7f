package kh.gov.spean.node.oneway;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step, right before a one-way request goes to its backend: until its receipt, the outcome is unknown. If the backend
 * times out or the connection breaks after it may have taken the message, the retry reaches it marked as a redelivery.
 */
public final class NoteHandedOver implements Processor {

    private final ReceiptedMessages receipted;
    private final TimeWindow window;
    private final Clock clock;

    public NoteHandedOver(ReceiptedMessages receipted, TimeWindow window, Clock clock) {
        this.receipted = receipted;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        receipted.handedOver(request.header().id(), window.forgettableAfter(request.header()), clock.instant());
    }
}
