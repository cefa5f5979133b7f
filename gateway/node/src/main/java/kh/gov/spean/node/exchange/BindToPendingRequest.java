package kh.gov.spean.node.exchange;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: an answer must belong to a request this node is still waiting for, come from that request's provider, and
 * carry that request's hash ({@code X-Road-Request-Hash}): otherwise it is not bound to what was asked. Only an answer
 * that passes is bound to the waiting call, so one refused here — another member's, forged or misdirected — is
 * recorded and leaves the call waiting for its genuine answer.
 */
public final class BindToPendingRequest implements Processor {

    private final PendingExchanges pending;

    public BindToPendingRequest(PendingExchanges pending) {
        this.pending = pending;
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader answer = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        PendingExchanges.Pending request = pending.find(answer.correlationId()).orElseThrow(() -> new SpeanException(
                ErrorCode.TIMEOUT, "no request " + answer.correlationId() + " is waiting (it timed out, or never was)"));
        EnvelopeHeader asked = request.request().header();
        if (!answer.sender().equals(asked.service().member()) || !answer.service().equals(asked.service())
                || !answer.client().equals(asked.client())) {
            throw new SpeanException(ErrorCode.REQUEST_HASH_MISMATCH, "the answer from " + answer.sender()
                    + " about " + answer.service() + " does not answer request " + asked.id());
        }
        if (!request.requestHash().equals(answer.requestHash())) {
            throw new SpeanException(ErrorCode.REQUEST_HASH_MISMATCH,
                    "the answer's request hash differs from the hash of request " + asked.id());
        }
        exchange.setProperty(ExchangeKeys.PENDING, request);
    }
}
