package kh.gov.spean.node.management;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.CamelContextHelper;

/**
 * The management port's server: Camel's Vert.x server over TLS (HTTP/1.1), in the management Camel context of its
 * own, with the {@link ManagementGuard} and the login and logout handlers put in front of the routes Camel adds to
 * its router, as Camel's own authentication handlers are.
 */
final class ManagementHttpServer extends VertxPlatformHttpServer {

    /** A login form is a name and a password: nothing near this. */
    private static final long LOGIN_FORM_LIMIT_BYTES = 4096;

    private final ManagementCertificate certificate;
    private final ManagementGuard guard;
    private final ManagementLogin login;

    ManagementHttpServer(VertxPlatformHttpServerConfiguration configuration, ManagementCertificate certificate,
                         ManagementGuard guard, ManagementLogin login) {
        super(configuration);
        this.certificate = certificate;
        this.guard = guard;
        this.login = login;
    }

    /** Always a Vert.x of its own, whose HTTP servers speak TLS. */
    @Override
    protected Vertx lookupVertx() {
        return null;
    }

    @Override
    protected Vertx createVertxInstance() {
        return new TlsVertx((VertxInternal) super.createVertxInstance(), certificate);
    }

    @Override
    protected void initializeServer() {
        super.initializeServer();
        // Before any route: Camel's consumers add theirs to this router as the routes start, after these.
        Router router = CamelContextHelper.findSingleByType(getCamelContext(), VertxPlatformHttpRouter.class);
        router.route().handler(guard);
        router.post("/login").handler(BodyHandler.create(false).setBodyLimit(LOGIN_FORM_LIMIT_BYTES))
                .handler(login::logIn);
        router.post("/logout").handler(login::logOut);
    }

    /** A Vert.x whose HTTP servers present the management certificate. Closed by Camel with the server. */
    private static final class TlsVertx extends VertxWrapper {

        private final ManagementCertificate certificate;

        TlsVertx(VertxInternal delegate, ManagementCertificate certificate) {
            super(delegate);
            this.certificate = certificate;
        }

        @Override
        public HttpServer createHttpServer(HttpServerOptions options) {
            return delegate.createHttpServer(new HttpServerOptions(options).setSsl(true)
                    .setHttp2ClearTextEnabled(false)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(certificate.certificateFile().toString())
                            .setKeyPath(certificate.keyFile().toString())));
        }

        @Override
        public HttpServer createHttpServer() {
            return createHttpServer(new HttpServerOptions());
        }
    }
}
