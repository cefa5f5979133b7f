package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.http.RequestTarget;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: hands the verified, opened, validated request to the connector as the client sent it (PR-REST §4): its method,
 * the path and query after the service id (for the connector's HTTP call to append to the service's URL; checked
 * again here, since no other node's checks are trusted), the headers that travel end to end, the body, and the
 * X-Road headers a provider's backend expects; nothing else (no Kafka or internal headers leak to a backend). An
 * envelope of the first layout is a POST of JSON.
 */
public final class PrepareBackendCall implements Processor {

    private final NodeEvents events;

    public PrepareBackendCall(NodeEvents events) {
        this.events = events;
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader header = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        RestFields rest = header.rest();
        RestFrame frame = exchange.getProperty(ExchangeKeys.REST_FRAME, RestFrame.class);
        RequestTarget target = rest == null ? RequestTarget.NONE : RequestTarget.parse(frame.target());
        byte[] body = exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class);
        Message message = exchange.getMessage();
        // Camel's redelivery counters stay: a retried hand-over that cleared them would be retried for ever.
        message.removeHeaders("*", Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERY_MAX_COUNTER, Exchange.REDELIVERED);
        if (rest == null) {
            message.setHeader(Exchange.HTTP_METHOD, "POST");
            message.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        } else {
            message.setHeader(Exchange.HTTP_METHOD, rest.method());
            // Bodies as encoded, both ways: Camel's HTTP call would otherwise gzip a body sent with Content-Encoding:
            // gzip a second time, and unpack a gzipped answer while its Content-Encoding still says gzip.
            exchange.setProperty(Exchange.SKIP_GZIP_ENCODING, true);
            for (RestFrame.Field field : frame.headers()) {
                XRoadHeaders.append(message, field.name(), field.value());
            }
            if (!target.path().isEmpty()) {
                message.setHeader(Exchange.HTTP_PATH, target.path());
            }
            if (target.query() != null) {
                message.setHeader(Exchange.HTTP_RAW_QUERY, target.query());
                message.setHeader(Exchange.HTTP_QUERY, target.query());
            }
            setIfGiven(message, XRoadHeaders.REQUEST_ID, rest.requestId());
            setIfGiven(message, XRoadHeaders.USER_ID, rest.userId());
            setIfGiven(message, XRoadHeaders.ISSUE, rest.issue());
            setIfGiven(message, XRoadHeaders.PURPOSE, rest.purpose());
            setIfGiven(message, XRoadHeaders.REPRESENTED_PARTY, rest.representedParty());
        }
        message.setHeader(XRoadHeaders.CLIENT, header.client().toString());
        message.setHeader(XRoadHeaders.SERVICE, header.service().toString());
        message.setHeader(XRoadHeaders.ID, rest != null && rest.messageId() != null ? rest.messageId()
                : header.id().toString());
        if (Boolean.TRUE.equals(exchange.getProperty(ExchangeKeys.REDELIVERY, Boolean.class))) {
            message.setHeader(XRoadHeaders.REDELIVERY, "true");
        }
        message.setHeader(XRoadHeaders.REQUEST_SALT, Digests.hex(exchange.getProperty(ExchangeKeys.SALT, byte[].class)));
        message.setBody(body == null || body.length == 0 ? null : body);
        events.delivered(header.id(), exchange.getProperty(ExchangeKeys.CONNECTOR_ROUTE, String.class));
    }


    private static void setIfGiven(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
