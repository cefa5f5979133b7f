package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: hands the verified, opened, validated request to the connector: the plaintext body and the X-Road headers a
 * provider's backend expects, and nothing else (no Kafka or internal headers leak to a backend).
 */
public final class PrepareBackendCall implements Processor {

    private final NodeEvents events;

    public PrepareBackendCall(NodeEvents events) {
        this.events = events;
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader header = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        Message message = exchange.getMessage();
        // Camel's redelivery counters stay: a retried hand-over that cleared them would be retried for ever.
        message.removeHeaders("*", Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERY_MAX_COUNTER, Exchange.REDELIVERED);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        message.setHeader(XRoadHeaders.CLIENT, header.client().toString());
        message.setHeader(XRoadHeaders.SERVICE, header.service().toString());
        message.setHeader(XRoadHeaders.ID, header.id().toString());
        if (Boolean.TRUE.equals(exchange.getProperty(ExchangeKeys.REDELIVERY, Boolean.class))) {
            message.setHeader(XRoadHeaders.REDELIVERY, "true");
        }
        message.setHeader(XRoadHeaders.REQUEST_SALT, Digests.hex(exchange.getProperty(ExchangeKeys.SALT, byte[].class)));
        message.setBody(exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class));
        events.delivered(header.id(), exchange.getProperty(ExchangeKeys.CONNECTOR_ROUTE, String.class));
    }
}
