package kh.gov.spean.node.management;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ListeningAddress;

/**
 * The node's management port: a Camel context of its own whose platform-http routes (the audit page, metrics,
 * monitoring, health) are served by their own Vert.x server, over TLS, behind the {@link ManagementGuard}. Camel's
 * platform-http binds one server per context, so a second context is how a second port gets its own routes.
 */
public final class ManagementListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementListener.class);

    private final CamelContext camel;
    private final ManagementHttpServer server;
    private final ManagementSettings settings;
    private final ManagementCertificate certificate;

    private ManagementListener(CamelContext camel, ManagementHttpServer server, ManagementSettings settings,
                               ManagementCertificate certificate) {
        this.camel = camel;
        this.server = server;
        this.settings = settings;
        this.certificate = certificate;
    }

    /**
     * Listens with the given routes, or throws {@code server.configuration_invalid} (port taken, certificate or users
     * file unreadable) having closed what it opened.
     *
     * @param name         the Camel context's name, e.g. {@code spean-kh-gov-moi-management}
     * @param memberFolder the member's folder in the data directory, where the users file and a made certificate live
     */
    public static ManagementListener start(String name, ManagementSettings settings, Path memberFolder,
                                           ManagementUsers users, Clock clock, List<RoutesBuilder> routes) {
        settings.validate();
        ManagementCertificate certificate = ManagementCertificate.resolve(settings, memberFolder);
        Set<String> hostNames = settings.hostNames();
        ManagementSessions sessions = new ManagementSessions(clock);
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(settings.host());
        configuration.setBindPort(settings.port());
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        ManagementHttpServer server = new ManagementHttpServer(configuration, certificate,
                new ManagementGuard(hostNames, users, sessions), new ManagementLogin(users, sessions, hostNames));
        try {
            camel.addService(server, true, true);
            ListeningAddress.requireFree("the node's management port", settings.host(), settings.port());
            server.start();
            for (RoutesBuilder builder : routes) {
                camel.addRoutes(builder);
            }
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw e instanceof SpeanException refusal ? refusal : new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                    "the management port could not start: " + e.getMessage(), e);
        }
        ManagementListener listener = new ManagementListener(camel, server, settings, certificate);
        LOG.info("management port at {} (TLS certificate {}, SHA-256 {}); Host names allowed: {}", listener.uri(),
                certificate.certificateFile(), certificate.fingerprint(), hostNames);
        return listener;
    }

    /** Where auditors and operators reach the node, e.g. {@code https://127.0.0.1:8443}. */
    public URI uri() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("https://" + host + ":" + server.getServer().actualPort());
    }

    /** The PEM file of the port's certificate: what a client trusts (curl --cacert). */
    public Path certificateFile() {
        return certificate.certificateFile();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
