package kh.gov.spean.node.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: before a request goes to the backend, this node claims it for itself among its member's nodes; a request
 * another node claimed first is refused as a replay and goes no further.
 */
public final class ClaimDelivery implements Processor {

    private final DeliveredEnvelopes delivered;

    public ClaimDelivery(DeliveredEnvelopes delivered) {
        this.delivered = delivered;
    }

    @Override
    public void process(Exchange exchange) {
        delivered.claim(exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header());
    }
}
