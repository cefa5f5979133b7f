package kh.gov.spean.node.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeOpener;
import kh.gov.spean.envelope.SaltedPayload;
import kh.gov.spean.node.ExchangeKeys;

/** Step: decrypts the payload with this member's encryption key and checks it against the signed commitment. */
public final class OpenPayload implements Processor {

    private final EnvelopeOpener opener;

    public OpenPayload(EnvelopeOpener opener) {
        this.opener = opener;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope envelope = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        SaltedPayload opened = opener.open(envelope);
        exchange.setProperty(ExchangeKeys.PAYLOAD, opened.payload());
        exchange.setProperty(ExchangeKeys.SALT, opened.salt());
    }
}
