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
 * other refusal is (RefusedBeforeAnyRoute). Camel makes the {@link HttpServer} itself and offers no hook for its
 * invalid-request handler, which Vert.x reads only as the server starts listening; so the server is given a Vert.x
 * whose HTTP servers are made with it, by Vert.x's own {@link VertxWrapper} (meant for wrapping, though in an
 * {@code impl} package: a Vert.x upgrade that moves it fails this class's compilation, not a request).
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
        return new AnsweringUndecodableRequests((VertxInternal) super.createVertxInstance(), refused);
    }

    @Override
    protected void startServer() throws Exception {
        super.startServer();
        if (getServer().requestHandler() instanceof Router edge) {
            // Vert.x Web fails a request whose target does not decode before any route, with status 400.
            edge.errorHandler(ErrorCode.MALFORMED_REQUEST.httpStatus(), refused.undecodableTarget());
        }
    }

    /** Closed with the server: Camel closes a Vert.x it made through {@link #createVertxInstance()}. */
    private static final class AnsweringUndecodableRequests extends VertxWrapper {

        private final RefusedBeforeAnyRoute refused;

        AnsweringUndecodableRequests(VertxInternal delegate, RefusedBeforeAnyRoute refused) {
            super(delegate);
            this.refused = refused;
        }

        @Override
        public HttpServer createHttpServer(HttpServerOptions options) {
            return delegate.createHttpServer(options).invalidRequestHandler(refused.undecodableRequest(this));
        }

        @Override
        public HttpServer createHttpServer() {
            return createHttpServer(new HttpServerOptions());
        }
    }
}
