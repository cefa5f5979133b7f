package kh.gov.spean.node.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeOpener;
import kh.gov.spean.envelope.SaltedPayload;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: decrypts the payload with this member's encryption key and checks it against the signed commitment, and that
 * it is within this node's maximum message size: a member that skips its own node's limit is held to this one.
 */
public final class OpenPayload implements Processor {

    private final EnvelopeOpener opener;
    private final int maxMessageBytes;

    public OpenPayload(EnvelopeOpener opener, int maxMessageBytes) {
        this.opener = opener;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope envelope = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        SaltedPayload opened = opener.open(envelope);
        if (opened.payload().length > maxMessageBytes) {
            throw new SpeanException(ErrorCode.PAYLOAD_TOO_LARGE, "the payload is " + opened.payload().length
                    + " bytes; the maximum is " + maxMessageBytes);
        }
        exchange.setProperty(ExchangeKeys.PAYLOAD, opened.payload());
        exchange.setProperty(ExchangeKeys.SALT, opened.salt());
        exchange.setProperty(ExchangeKeys.REST_FRAME, opened.frame());
    }
}
