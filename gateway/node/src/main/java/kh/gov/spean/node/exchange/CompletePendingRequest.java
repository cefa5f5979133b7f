package kh.gov.spean.node.exchange;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.ExchangeKeys;

/** Step: resumes the waiting HTTP call with the provider's answer, or with the coded error the provider sent back. */
public final class CompletePendingRequest implements Processor {

    /** The payload of an error envelope. */
    public record ErrorPayload(String code, String detail) {
    }

    @Override
    public void process(Exchange exchange) {
        Envelope answer = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        PendingExchanges.Pending request = exchange.getProperty(ExchangeKeys.PENDING, PendingExchanges.Pending.class);
        byte[] payload = exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class);
        if (answer.header().type() == EnvelopeType.ERROR) {
            request.answer().completeExceptionally(providerError(answer, payload));
        } else {
            request.answer().complete(new ProviderAnswer(answer.header(), payload,
                    exchange.getProperty(ExchangeKeys.SALT, byte[].class),
                    exchange.getProperty(ExchangeKeys.REST_FRAME, RestFrame.class)));
        }
    }

    private static SpeanException providerError(Envelope answer, byte[] payload) {
        ErrorCode code;
        try {
            code = ErrorCode.fromCode(answer.header().errorCode());
        } catch (IllegalArgumentException e) {
            code = ErrorCode.INTERNAL;
        }
        String detail;
        try {
            detail = SpeanJson.fromBytes(payload, ErrorPayload.class).detail();
        } catch (RuntimeException e) {
            detail = null;
        }
        return new SpeanException(code, "refused by " + answer.header().sender() + ": "
                + (detail == null ? code.title() : detail));
    }
}
