package kh.gov.spean.node.oneway;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: stores the signed, sealed one-way message durably and hands it to the dispatcher, which publishes it and
 * retries until its receipt comes back. Only then may the client be told 202.
 */
public final class AcceptOneWayMessage implements Processor {

    private final OutgoingMessages messages;
    private final OneWayDispatcher dispatcher;
    private final Clock clock;

    public AcceptOneWayMessage(OutgoingMessages messages, OneWayDispatcher dispatcher, Clock clock) {
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope envelope = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        var header = envelope.header();
        messages.accept(OutgoingMessage.accepted(header.id(), header.client(), header.service(),
                RequestHash.of(envelope), clock.instant(), header.expiresAt()), envelope);
        dispatcher.dispatch(header.id());
    }
}
