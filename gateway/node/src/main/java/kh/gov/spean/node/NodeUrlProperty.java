package kh.gov.spean.node;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.spi.PropertiesSource;

/**
 * The Camel property {@value GatewayNode#NODE_URL_PROPERTY}: this node's own base URL, for connector routes that call
 * other services through it. Resolved when a route asks, once the HTTP server listens (its port may be chosen then).
 * An edge listening on every interface (0.0.0.0, as in a container) is called on loopback: a wildcard address names
 * no host, and HttpClient's host name check refuses it even where the edge's certificate lists it.
 */
final class NodeUrlProperty implements PropertiesSource {

    private final String scheme;
    private final String host;
    private final VertxPlatformHttpServer server;

    NodeUrlProperty(String scheme, String host, VertxPlatformHttpServer server) {
        this.scheme = scheme;
        this.host = callableHost(host);
        this.server = server;
    }

    /** The host to call an edge listening on {@code listeningHost} at. */
    static String callableHost(String listeningHost) {
        String bare = listeningHost.startsWith("[") ? listeningHost.substring(1, listeningHost.length() - 1) : listeningHost;
        return bare.equals("0.0.0.0") ? "127.0.0.1" : bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0") ? "[::1]"
                : listeningHost;
    }

    @Override
    public String getName() {
        return "spean-node-url";
    }

    @Override
    public String getProperty(String name) {
        if (!GatewayNode.NODE_URL_PROPERTY.equals(name) || server.getServer() == null) {
            return null;
        }
        return scheme + "://" + host + ":" + server.getServer().actualPort();
    }
}
