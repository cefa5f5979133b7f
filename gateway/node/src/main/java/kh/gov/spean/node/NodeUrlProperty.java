package kh.gov.spean.node;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.spi.PropertiesSource;

/**
 * The Camel property {@value GatewayNode#NODE_URL_PROPERTY}: this node's own base URL, for connector routes that call
 * other services through it. Resolved when a route asks, once the HTTP server listens (its port may be chosen then).
 */
final class NodeUrlProperty implements PropertiesSource {

    private final String scheme;
    private final String host;
    private final VertxPlatformHttpServer server;

    NodeUrlProperty(String scheme, String host, VertxPlatformHttpServer server) {
        this.scheme = scheme;
        this.host = host;
        this.server = server;
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
