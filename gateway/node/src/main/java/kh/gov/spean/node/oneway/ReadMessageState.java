package kh.gov.spean.node.oneway;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: {@code GET /messages/{id}} with {@code X-Road-Client}: the state of a one-way message that client sent through
 * this node. Another client's message is as unknown as one that never was.
 */
public final class ReadMessageState implements Processor {

    private final OutgoingMessages messages;

    public ReadMessageState(OutgoingMessages messages) {
        this.messages = messages;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        String path = in.getHeader(Exchange.HTTP_URI, String.class);
        String idText = path == null ? "" : path.substring(path.indexOf(MessageStatusPath.PREFIX) + MessageStatusPath.PREFIX.length());
        String clientHeader = in.getHeader(XRoadHeaders.CLIENT, String.class);
        EnvelopeId id;
        SubsystemId client;
        try {
            id = EnvelopeId.parse(idText);
            client = SubsystemId.parse(clientHeader == null ? "" : clientHeader.trim());
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST,
                    "expected GET /messages/{id} with the " + XRoadHeaders.CLIENT + " header: " + e.getMessage());
        }
        OutgoingMessage message = messages.find(id).filter(found -> found.client().equals(client)).orElseThrow(() ->
                new SpeanException(ErrorCode.UNKNOWN_MESSAGE, "no one-way message " + id + " from " + client));
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        in.setHeader(XRoadHeaders.ID, id.toString());
        in.setBody(SpeanJson.toBytes(MessageStatus.of(message)));
    }
}
