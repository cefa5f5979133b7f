package kh.gov.spean.node.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import io.vertx.ext.web.Router;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

import kh.gov.spean.error.ErrorCode;

/**
 * The node's HTTP edge: Camel's Vert.x server, with the requests Vert.x refuses before any route answered as every
 * other refusal is (RefusedBeforeAnyRoute), and HTTP/1.1 only over cleartext (no h2c). Camel makes the
 * {@link HttpServer} itself and offers no hook for its invalid-request handler, which Vert.x reads only as the server
 * starts listening; so the server is given a Vert.x whose HTTP servers are made with it, by Vert.x's own
 * {@link VertxWrapper} (meant for wrapping, though in an {@code impl} package: a Vert.x upgrade that moves it fails
 * this class's compilation, not a request).
 */
public final class EdgeHttpServer extends VertxPlatformHttpServer {

    private final RefusedBeforeAnyRoute refused;

    public EdgeHttpServer(VertxPlatformHttpServerConfiguration configuration, RefusedBeforeAnyRoute refused) {
        super(configuration);
        this.refused = refused;
    }

    /** Always a Vert.x of its own: one found in Camel's registry would make servers without the handler. */
    @Override
    protected Vertx lookupVertx() {
        return null;
    }

    @Override
    protected Vertx createVertxInstance() {
        return new EdgeVertx((VertxInternal) super.createVertxInstance(), refused);
    }

    @Override
    protected void startServer() throws Exception {
        super.startServer();
        if (getServer().requestHandler() instanceof Router edge) {
            // Vert.x Web fails a request whose target does not decode before any route, with status 400.
            edge.errorHandler(ErrorCode.MALFORMED_REQUEST.httpStatus(), refused.undecodableTarget());
        }
    }

    /**
     * A Vert.x whose HTTP servers answer what they cannot decode, and speak HTTP/1.1 only over cleartext: Vert.x's h2c
     * upgrade goes ahead on a request its decoder failed, then answers a bare 400 or nothing, and leaves the
     * connection open. Closed with the server: Camel closes a Vert.x it made through {@link #createVertxInstance()}.
     */
    private static final class EdgeVertx extends VertxWrapper {

        private final RefusedBeforeAnyRoute refused;

        EdgeVertx(VertxInternal delegate, RefusedBeforeAnyRoute refused) {
            super(delegate);
            this.refused = refused;
        }

        @Override
        public HttpServer createHttpServer(HttpServerOptions options) {
            return delegate.createHttpServer(new HttpServerOptions(options).setHttp2ClearTextEnabled(false))
                    .invalidRequestHandler(refused.undecodableRequest(this));
        }

        @Override
        public HttpServer createHttpServer() {
            return createHttpServer(new HttpServerOptions());
        }
    }
}
