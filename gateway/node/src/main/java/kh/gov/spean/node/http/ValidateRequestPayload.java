package kh.gov.spean.node.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.validation.PayloadValidator;

/** Step: a JSON request body must follow the service's request schema before it is signed ({@link JsonBody}). */
public final class ValidateRequestPayload implements Processor {

    private final PayloadValidator validator;

    public ValidateRequestPayload(PayloadValidator validator) {
        this.validator = validator;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        if (JsonBody.validated(call.contentType(), call.payload())) {
            validator.requireValid(call.service().requestSchema(), call.payload());
        }
    }
}
