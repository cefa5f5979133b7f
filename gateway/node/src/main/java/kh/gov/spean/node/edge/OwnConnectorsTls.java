package kh.gov.spean.node.edge;

import java.security.cert.X509Certificate;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

import kh.gov.spean.id.SubsystemId;

/**
 * The TLS context of the node's own connector routes when they call a service through their node (a service that is
 * itself a client, e.g. registerBusiness verifying owners): a client certificate made fresh at each start and
 * registered, in memory only, for the subsystems of the member's connectors; and trust in the edge's certificate alone.
 * Bound in Camel's registry as {@value #BEAN}, which those routes name in their call
 * ({@code sslContextParameters: "#spean-node-edge-tls"}).
 */
public final class OwnConnectorsTls extends SSLContextParameters {

    public static final String BEAN = "spean-node-edge-tls";

    private final SSLContext context;

    private OwnConnectorsTls(SSLContext context) {
        this.context = context;
    }

    /** Makes the credential, registers it for {@code subsystems}, and trusts {@code edge}. */
    public static OwnConnectorsTls register(ClientRegistry registry, Set<SubsystemId> subsystems, X509Certificate edge,
                                            java.time.Clock clock) {
        java.time.Instant now = clock.instant();
        TlsCredential own = SelfSignedCertificates.client("spean node's own connectors",
                now.minus(java.time.Duration.ofMinutes(5)), now.plus(java.time.Duration.ofDays(3650)));
        registry.trustOwnConnectors(own.fingerprint(), subsystems);
        return new OwnConnectorsTls(own.clientContext(edge));
    }

    /** On a plain-HTTP edge: nothing to present, the name still resolves. */
    public static SSLContextParameters unused() {
        return new SSLContextParameters();
    }

    @Override
    public SSLContext createSSLContext(CamelContext camelContext) {
        return context;
    }
}
