package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.error.SpeanException;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.validation.PayloadValidator;

/** Step: the backend's answer must follow the service's response schema before the provider signs it. */
public final class ValidateResponsePayload implements Processor {

    private final PayloadValidator validator;

    public ValidateResponsePayload(PayloadValidator validator) {
        this.validator = validator;
    }

    @Override
    public void process(Exchange exchange) {
        Federation.Service service = exchange.getProperty(ExchangeKeys.SERVICE, Federation.Service.class);
        try {
            validator.requireValid(service.responseSchema(), exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class));
        } catch (SpeanException e) {
            throw new SpeanException(ErrorCode.RESPONSE_SCHEMA_INVALID, "the backend's answer: " + e.detail());
        }
    }
}
