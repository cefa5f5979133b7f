package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ExchangeKeys;

/** Step: the backend must have answered 2xx with a body; anything else is the provider's backend failing. */
public final class CheckBackendAnswer implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message answer = exchange.getMessage();
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && (status < 200 || status > 299)) {
            throw new SpeanException(ErrorCode.BACKEND_ERROR, "the provider's backend answered HTTP " + status);
        }
        byte[] body = answer.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new SpeanException(ErrorCode.BACKEND_ERROR, "the provider's backend answered with no body");
        }
        exchange.setProperty(ExchangeKeys.PAYLOAD, body);
    }
}
