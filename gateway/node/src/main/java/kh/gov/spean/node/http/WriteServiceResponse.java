package kh.gov.spean.node.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.exchange.ProviderAnswer;

/** Step: answers the ministry system with the provider's payload, the message id and the request hash (X-Road REST). */
public final class WriteServiceResponse implements Processor {

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        byte[] requestSalt = exchange.getProperty(ExchangeKeys.SALT, byte[].class);
        ProviderAnswer answer = exchange.getProperty(ExchangeKeys.SERVICE_RESPONSE, ProviderAnswer.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        out.setHeader(XRoadHeaders.ID, request.header().id().toString());
        out.setHeader(XRoadHeaders.REQUEST_HASH, RequestHash.of(request));
        out.setHeader(XRoadHeaders.CLIENT, request.header().client().toString());
        out.setHeader(XRoadHeaders.SERVICE, request.header().service().toString());
        out.setHeader(XRoadHeaders.REQUEST_SALT, Digests.hex(requestSalt));
        out.setHeader(XRoadHeaders.RESPONSE_SALT, Digests.hex(answer.salt()));
        out.setBody(answer.payload());
    }
}
