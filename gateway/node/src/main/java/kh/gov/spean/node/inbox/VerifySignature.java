package kh.gov.spean.node.inbox;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeVerifier;
import kh.gov.spean.node.ExchangeKeys;

/** Step: the signature, its certificate chain to the federation CA, the sender's registered certificate, the ciphertext digest. */
public final class VerifySignature implements Processor {

    private final EnvelopeVerifier verifier;
    private final Clock clock;

    public VerifySignature(EnvelopeVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(ExchangeKeys.SIGNER,
                verifier.verify(exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class), clock.instant()));
        exchange.setProperty(ExchangeKeys.AUTHENTICATED, Boolean.TRUE);
    }
}
