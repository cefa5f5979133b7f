package kh.gov.spean.node.http;

import java.util.Set;

import org.apache.camel.http.common.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter less the headers X-Road's REST protocol passes as they are: Camel drops Cache-Control,
 * Pragma, Date, Via and Warning on the way out of a route, so neither a client's cache directives would reach the
 * provider's backend nor the backend's come back. The hop-by-hop and framing headers stay filtered; which headers
 * travel at all is {@link TransportedHeaders}' decision.
 */
public final class EndToEndHeaderFilter extends HttpHeaderFilterStrategy {

    /** The name it is bound under in a node's registry, for {@code headerFilterStrategy=#...} on an endpoint. */
    public static final String BEAN = "spean-end-to-end-headers";
    private static final Set<String> PASSED_AS_THEY_ARE = Set.of("cache-control", "pragma", "date", "via", "warning");

    public EndToEndHeaderFilter() {
        getOutFilter().removeAll(PASSED_AS_THEY_ARE);
    }
}
