package kh.gov.spean.node.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import io.vertx.ext.web.Router;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.node.edge.EdgeSecurity;
import kh.gov.spean.node.edge.EdgeTls;

/**
 * The node's HTTP edge: Camel's Vert.x server, with the requests Vert.x refuses before any route answered as every
 * other refusal is (RefusedBeforeAnyRoute), and HTTP/1.1 only over cleartext (no h2c). By default TLS with client
 * certificates (EdgeTls), each call authenticated (AuthenticateClient) before Camel reads its body; plain HTTP only for
 * development. Idle connections are closed, connections beyond a cap refused at once. Camel makes the
 * {@link HttpServer} itself and offers no hook for its invalid-request handler, which Vert.x reads only as the server
 * starts listening; so the server is given a Vert.x whose HTTP servers are made with it, by Vert.x's own
 * {@link VertxWrapper} (meant for wrapping, though in an {@code impl} package: a Vert.x upgrade that moves it fails
 * this class's compilation, not a request).
 */
public final class EdgeHttpServer extends VertxPlatformHttpServer {

    /** The paths whose calls name a client subsystem: the X-Road REST calls and the one-way message status. */
    static final String AUTHENTICATED_PATHS = "^/(r1|messages)(/.*)?$";
    /** The X-Road REST calls, whose bodies go to the provider as sent. */
    static final String SERVICE_CALLS = "^/r1(/.*)?$";

    private final RefusedBeforeAnyRoute refused;
    private final EdgeSecurity security;
    private final EdgeTls tls;
    private final AuthenticateClient authenticate;

    /** {@code tls} and {@code authenticate} are null on a plain-HTTP (development) edge. */
    public EdgeHttpServer(VertxPlatformHttpServerConfiguration configuration, RefusedBeforeAnyRoute refused,
                          EdgeSecurity security, EdgeTls tls, AuthenticateClient authenticate) {
        super(configuration);
        this.refused = refused;
        this.security = security;
        this.tls = tls;
        this.authenticate = authenticate;
    }

    /** Always a Vert.x of its own: one found in Camel's registry would make servers without the handler. */
    @Override
    protected Vertx lookupVertx() {
        return null;
    }

    @Override
    protected Vertx createVertxInstance() {
        return new EdgeVertx((VertxInternal) super.createVertxInstance(), refused, security, tls);
    }

    @Override
    protected void startServer() throws Exception {
        super.startServer();
        if (getServer().requestHandler() instanceof Router edge) {
            // Vert.x Web fails a request whose target does not decode before any route, with status 400.
            edge.errorHandler(ErrorCode.MALFORMED_REQUEST.httpStatus(), refused.undecodableTarget());
            if (authenticate != null) {
                // Ahead of Camel's routes, which read the whole body before a step runs.
                edge.routeWithRegex(AUTHENTICATED_PATHS).order(-1).handler(authenticate);
            }
            edge.routeWithRegex(SERVICE_CALLS).order(-1).handler(new KeepFormBodiesWhole());
        }
    }

    /**
     * A Vert.x whose HTTP servers answer what they cannot decode, and speak HTTP/1.1 only over cleartext: Vert.x's h2c
     * upgrade goes ahead on a request its decoder failed, then answers a bare 400 or nothing, and leaves the
     * connection open. Closed with the server: Camel closes a Vert.x it made through {@link #createVertxInstance()}.
     */
    private static final class EdgeVertx extends VertxWrapper {

        private final RefusedBeforeAnyRoute refused;
        private final EdgeSecurity security;
        private final EdgeTls tls;
        private final AtomicInteger open = new AtomicInteger();

        EdgeVertx(VertxInternal delegate, RefusedBeforeAnyRoute refused, EdgeSecurity security, EdgeTls tls) {
            super(delegate);
            this.refused = refused;
            this.security = security;
            this.tls = tls;
        }

        @Override
        public HttpServer createHttpServer(HttpServerOptions options) {
            HttpServerOptions edge = new HttpServerOptions(options).setHttp2ClearTextEnabled(false)
                    // Vert.x's defaults, named here because RefusedBeforeAnyRoute quotes them in its answers.
                    .setMaxInitialLineLength(HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH)
                    .setMaxHeaderSize(HttpServerOptions.DEFAULT_MAX_HEADER_SIZE)
                    .setIdleTimeout((int) security.idleTimeout().toMillis())
                    .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
            if (tls != null) {
                tls.apply(edge);
            }
            return delegate.createHttpServer(edge)
                    .invalidRequestHandler(refused.undecodableRequest(this))
                    .connectionHandler(connection -> {
                        if (open.incrementAndGet() > security.maxConnections()) {
                            open.decrementAndGet();
                            connection.close();
                            return;
                        }
                        connection.closeHandler(closed -> open.decrementAndGet());
                    });
        }

        @Override
        public HttpServer createHttpServer() {
            return createHttpServer(new HttpServerOptions());
        }
    }
}
