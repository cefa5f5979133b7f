package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Step: a backend given a one-way message or an event must accept it with 2xx (a body is optional). A 4xx is a
 * refusal that would repeat; anything else is a failure worth trying again.
 */
public final class CheckBackendAccepted implements Processor {

    @Override
    public void process(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || (status >= 200 && status <= 299)) {
            return;
        }
        if (status >= 400 && status <= 499) {
            throw new SpeanException(ErrorCode.BACKEND_REFUSED, "the backend refused it with HTTP " + status);
        }
        throw new SpeanException(ErrorCode.BACKEND_ERROR, "the backend answered HTTP " + status);
    }
}
