package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.error.SpeanException;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.JsonBody;
import kh.gov.spean.node.http.XRoadHeaders;
import kh.gov.spean.validation.PayloadValidator;

/**
 * Step: a backend's 2xx JSON answer must follow the service's response schema before the provider signs it; any other
 * answer is the backend's own, passed on as it is (decision 0046).
 */
public final class ValidateResponsePayload implements Processor {

    private final PayloadValidator validator;

    public ValidateResponsePayload(PayloadValidator validator) {
        this.validator = validator;
    }

    @Override
    public void process(Exchange exchange) {
        Federation.Service service = exchange.getProperty(ExchangeKeys.SERVICE, Federation.Service.class);
        int status = exchange.getProperty(ExchangeKeys.BACKEND_STATUS, Integer.class);
        byte[] payload = exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class);
        if (exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header().rest() == null) {
            if (status < 200 || status > 299 || payload.length == 0) {
                // A client node of the first layout reads a JSON body only: nothing else can be passed on to it.
                throw new SpeanException(ErrorCode.BACKEND_ERROR, "the provider's backend answered HTTP " + status
                        + (payload.length == 0 ? " with no body" : ""));
            }
        } else if (status < 200 || status > 299 || !JsonBody.validated(exchange.getProperty(ExchangeKeys.REST_FRAME,
                RestFrame.class).header(XRoadHeaders.CONTENT_TYPE), payload)) {
            return;
        }
        try {
            validator.requireValid(service.responseSchema(), payload);
        } catch (SpeanException e) {
            throw new SpeanException(ErrorCode.RESPONSE_SCHEMA_INVALID, "the backend's answer: " + e.detail());
        }
    }
}
