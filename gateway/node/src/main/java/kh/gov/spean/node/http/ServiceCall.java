package kh.gov.spean.node.http;

import java.util.List;

import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.SubsystemId;

/**
 * A ministry system's X-Road REST call as read at the HTTP edge: who calls which service, with what method, target,
 * headers and body (possibly empty).
 *
 * @param fields what the signed header will say of the call (method, X-Road-Id, X-Road-UserId, ...)
 * @param frame  what is sealed beside the body: the target and the headers that travel end to end
 */
public record ServiceCall(SubsystemId client, Federation.Service service, byte[] payload, RestFields fields,
                          RestFrame frame) {

    /** A POST of a body, with no target after the service id and no header to carry. */
    public ServiceCall(SubsystemId client, Federation.Service service, byte[] payload) {
        this(client, service, payload, RestFields.request("POST", null, null, null, null, null, null),
                new RestFrame("", List.of()));
    }

    /** The body's media type as the client declared it, or null. */
    public String contentType() {
        return frame.header(XRoadHeaders.CONTENT_TYPE);
    }
}
