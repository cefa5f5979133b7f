package kh.gov.spean.node.oneway;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: marks a one-way request this node already receipted, so that its retry is answered without a second delivery;
 * and one whose delivery before a restart has an unknown outcome, so that the backend is told it is a redelivery.
 */
public final class CheckAlreadyReceipted implements Processor {

    private final ReceiptedMessages receipted;

    public CheckAlreadyReceipted(ReceiptedMessages receipted) {
        this.receipted = receipted;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        boolean already = receipted.contains(request.header().id());
        exchange.setProperty(ExchangeKeys.ALREADY_RECEIPTED, already);
        if (!already && receipted.takeUncertain(request.header().id())) {
            exchange.setProperty(ExchangeKeys.REDELIVERY, Boolean.TRUE);
        }
    }
}
