package kh.gov.spean.node.event;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.ServiceCall;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: answers the publisher 202 once every subscriber's copy is on Kafka: the publication id ({@code X-Road-Id}) and
 * each copy's subscriber and envelope id.
 */
public final class WriteEventPublished implements Processor {

    /** The 202 body. */
    public record Published(String id, String event, List<Copy> copies) {
    }

    /** One subscriber's copy. */
    public record Copy(String subscriber, String id) {
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        EnvelopeId publication = exchange.getProperty(ExchangeKeys.PUBLICATION, EnvelopeId.class);
        @SuppressWarnings("unchecked")
        List<Envelope> copies = exchange.getProperty(ExchangeKeys.EVENT_COPIES, List.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        out.setHeader(XRoadHeaders.ID, publication.toString());
        out.setHeader(XRoadHeaders.CLIENT, call.client().toString());
        out.setHeader(XRoadHeaders.SERVICE, call.service().id().toString());
        out.setBody(SpeanJson.toBytes(new Published(publication.toString(), call.service().id().toString(),
                copies.stream().map(copy -> new Copy(copy.header().client().toString(), copy.header().id().toString()))
                        .toList())));
    }
}
