package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.TransportedHeaders;

/**
 * Step: takes the backend's answer as it gave it (PR-REST §4.6, category 1): its status — a 404, a 409, a 3xx, which
 * the connector's HTTP call does not follow, a 500 — its headers that travel end to end, and its body, possibly
 * empty. A backend that cannot be reached or does not answer in time fails the call before this step, with its code.
 */
public final class CheckBackendAnswer implements Processor {

    private static final int NO_STATUS = 200;

    @Override
    public void process(Exchange exchange) {
        Message answer = exchange.getMessage();
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = answer.getBody(byte[].class);
        exchange.setProperty(ExchangeKeys.BACKEND_STATUS, status == null ? NO_STATUS : status);
        exchange.setProperty(ExchangeKeys.REST_FRAME, new RestFrame("",
                TransportedHeaders.of(answer.getHeaders().entrySet())));
        exchange.setProperty(ExchangeKeys.PAYLOAD, body == null ? new byte[0] : body);
    }
}
