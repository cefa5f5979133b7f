package kh.gov.spean.node.oneway;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: answers a one-way call 202 Accepted at once, with the message id and where to follow it
 * ({@code Location: /messages/{id}}); {@code Preference-Applied} when the caller asked {@code Prefer: respond-async}.
 */
public final class WriteMessageAccepted implements Processor {

    /** The 202 body. */
    public record Accepted(String id, String state, String status) {
    }

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        String prefer = exchange.getProperty(ExchangeKeys.PREFER, String.class);
        String id = request.header().id().toString();
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        out.setHeader(XRoadHeaders.ID, id);
        out.setHeader(XRoadHeaders.REQUEST_HASH, RequestHash.of(request));
        out.setHeader(XRoadHeaders.CLIENT, request.header().client().toString());
        out.setHeader(XRoadHeaders.SERVICE, request.header().service().toString());
        out.setHeader("Location", MessageStatusPath.of(id));
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            out.setHeader("Preference-Applied", "respond-async");
        }
        out.setBody(SpeanJson.toBytes(new Accepted(id, "accepted", MessageStatusPath.of(id))));
    }
}
