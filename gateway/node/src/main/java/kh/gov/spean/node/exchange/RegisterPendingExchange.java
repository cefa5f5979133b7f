package kh.gov.spean.node.exchange;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.node.ExchangeKeys;

/** Step: registers the request as waiting for its answer, before it is published. */
public final class RegisterPendingExchange implements Processor {

    private final PendingExchanges pending;

    public RegisterPendingExchange(PendingExchanges pending) {
        this.pending = pending;
    }

    @Override
    public void process(Exchange exchange) {
        // Kept on the exchange: the answer may come, and leave the registry, before the call starts to wait for it.
        exchange.setProperty(ExchangeKeys.PENDING, pending.register(exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class)));
    }
}
