package kh.gov.spean.node.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.exchange.ProviderAnswer;

/**
 * Step: answers the ministry system with the provider's answer as the provider gave it — status, the headers that
 * travel end to end, body — and the X-Road headers the node sets on every answer (PR-REST §4.3), replacing any the
 * backend set: X-Road-Client, X-Road-Service, X-Road-Id, X-Road-Request-Id, X-Road-Request-Hash.
 */
public final class WriteServiceResponse implements Processor {

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        byte[] requestSalt = exchange.getProperty(ExchangeKeys.SALT, byte[].class);
        ProviderAnswer answer = exchange.getProperty(ExchangeKeys.SERVICE_RESPONSE, ProviderAnswer.class);
        RestFields asked = request.header().rest();
        RestFields answered = answer.header().rest();
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (answered == null) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        } else {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, answered.status());
            for (RestFrame.Field field : answer.frame().headers()) {
                XRoadHeaders.append(out, field.name(), field.value());
            }
        }
        out.setHeader(XRoadHeaders.ID, asked != null && asked.messageId() != null ? asked.messageId()
                : request.header().id().toString());
        if (asked != null) {
            out.setHeader(XRoadHeaders.REQUEST_ID, asked.requestId());
        }
        out.setHeader(XRoadHeaders.REQUEST_HASH, RequestHash.of(request));
        out.setHeader(XRoadHeaders.CLIENT, request.header().client().toString());
        out.setHeader(XRoadHeaders.SERVICE, request.header().service().toString());
        out.setHeader(XRoadHeaders.REQUEST_SALT, Digests.hex(requestSalt));
        out.setHeader(XRoadHeaders.RESPONSE_SALT, Digests.hex(answer.salt()));
        out.setBody(answer.payload().length == 0 ? null : answer.payload());
    }
}
