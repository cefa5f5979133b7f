package kh.gov.spean.node.oneway;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: a receipt or error for a one-way message must come from that message's provider, about that service and
 * client, and carry the hash of the message's signed header: otherwise it does not answer what was sent.
 */
public final class BindToOneWayMessage implements Processor {

    private final OutgoingMessages messages;

    public BindToOneWayMessage(OutgoingMessages messages) {
        this.messages = messages;
    }

    /** True for an answer whose correlation id names a one-way message this node accepted. */
    public Predicate answersAOneWayMessage() {
        return exchange -> {
            EnvelopeHeader header = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
            return header.type().answersARequest() && messages.find(header.correlationId()).isPresent();
        };
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader answer = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        OutgoingMessage sent = messages.find(answer.correlationId()).orElseThrow();
        if (!answer.sender().equals(sent.service().member()) || !answer.service().equals(sent.service())
                || !answer.client().equals(sent.client())) {
            throw new SpeanException(ErrorCode.REQUEST_HASH_MISMATCH, "the " + answer.type().wireName() + " from "
                    + answer.sender() + " about " + answer.service() + " does not answer message " + sent.id());
        }
        if (!sent.requestHash().equals(answer.requestHash())) {
            throw new SpeanException(ErrorCode.REQUEST_HASH_MISMATCH, "the " + answer.type().wireName()
                    + "'s request hash differs from the hash of message " + sent.id());
        }
    }
}
