package kh.gov.spean.node.provider;

import static kh.gov.spean.node.SettingCheck.require;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.BackendTls;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.http.EndToEndHeaderFilter;

/**
 * Configures, once per node, the two Camel HTTP components that connector routes call backends with: {@code https},
 * whose SSLContextParameters trust the operator's backend CA only and present the node's client certificate, and
 * {@code http}, for the node's own URL and, in development only, plain backends. Refuses a backend URL the settings
 * do not cover, so no connector reaches a backend over plain HTTP or under the JVM's default trust by accident.
 */
public final class BackendHttpComponents {

    private static final Logger LOG = LoggerFactory.getLogger(BackendHttpComponents.class);
    private static final long CONNECT_TIMEOUT_MS = 5_000;
    private static final String CLIENT_ALIAS = "node-client";
    private static final String PROTOCOL = "TLSv1.2";
    /** Forward secrecy and authenticated encryption only. */
    private static final List<String> CIPHER_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final Map<String, String> plain;
    private final SSLContextParameters sslContextParameters;
    private final long timeoutMillis;

    private BackendHttpComponents(Map<String, String> plain, SSLContextParameters sslContextParameters,
                                  long timeoutMillis) {
        this.plain = plain;
        this.sslContextParameters = sslContextParameters;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Checks every backend URL of the node's connectors against its TLS settings and reads the TLS material, before
     * the node opens anything: a node that could not call its backends as it must refuses to start.
     */
    public static BackendHttpComponents prepare(NodeSettings settings, ConnectorCatalog connectors) {
        Map<String, String> plain = check(settings.backendTls(), backendUrls(connectors, settings));
        return new BackendHttpComponents(plain, sslContextParameters(settings.backendTls()),
                settings.requestTimeout().toMillis());
    }

    /** The backend URL of each connector of this node: its {@code --backend}, or the connector's default. */
    public static Map<String, String> backendUrls(ConnectorCatalog connectors, NodeSettings settings) {
        Map<String, String> urls = new TreeMap<>();
        for (ConnectorCatalog.Connector connector : connectors.connectors()) {
            if (connector.backendProperty() != null) {
                urls.put(connector.name(), settings.backends().getOrDefault(connector.name(),
                        connector.defaultBackendUrl()));
            }
        }
        return urls;
    }

    /** Configures both components of {@code camel}, and announces plain HTTP backends if development allowed them. */
    public void configure(CamelContext camel) {
        HttpComponent https = new BackendHttpsComponent();
        camel.addComponent("https", https);
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        for (HttpComponent component : List.of(https, http)) {
            component.setConnectTimeout(CONNECT_TIMEOUT_MS);
            // The node decides what is tried again, and how (a one-way message, by its client's node, byte for byte):
            // the HTTP client must not re-send a POST on its own after a 503, nor park a consumer on a Retry-After.
            component.setAutomaticRetriesDisabled(true);
            // A backend that never answers must not hold an inbox consumer for ever: the caller has given up by then.
            component.setResponseTimeout(timeoutMillis);
            component.setSoTimeout(timeoutMillis);
            component.setHeaderFilterStrategy(new EndToEndHeaderFilter());
            // The backend sees the client's own Accept-Encoding, and its answer comes back as encoded, byte for byte:
            // the HTTP client neither asks for gzip on its own nor unpacks what it gets.
            component.setContentCompressionDisabled(true);
            // Connections are kept and used again: the HTTP client would otherwise tag each TLS connection with the
            // client certificate it presented and lease it only to calls that name that tag, which no call does, so
            // it opened a connection, and made a TLS handshake, for most calls. Every call of this component presents
            // the same certificate, the node's: there is no other identity a kept connection could lend.
            component.setConnectionStateDisabled(true);
        }
        // Set even without a CA (trusting nothing then): without parameters the component would use the JVM's store.
        https.setSslContextParameters(sslContextParameters);
        if (!plain.isEmpty()) {
            LOG.warn("""

                    ************************************************************************************
                    DEVELOPMENT ONLY: --backend-plain-http. These backends are called over PLAIN HTTP,
                    so decrypted payloads cross the network in clear: {}
                    ************************************************************************************""", plain);
        }
    }

    /**
     * Refuses a plain HTTP backend unless development allows it, and an https one without a backend CA; returns the
     * plain ones, by connector.
     */
    public static Map<String, String> check(BackendTls tls, Map<String, String> backendUrls) {
        tls.validate();
        Map<String, String> plain = new TreeMap<>();
        backendUrls.forEach((name, url) -> {
            String scheme = URI.create(url).getScheme();
            if ("http".equals(scheme)) {
                require(tls.plainHttpAllowed(), "backend", name + " is plain HTTP (" + url + "): give an https URL, "
                        + "or --backend-plain-http in development only");
                plain.put(name, url);
            } else {
                require(tls.caCertificates() != null, "backend-ca", "is required to call " + name + " over TLS ("
                        + url + "): the PEM file of the CA its certificate chains to");
            }
        });
        return plain;
    }

    /**
     * Parameters that trust the backend CA only (nothing without one) and present the node's client certificate if it
     * has one: for any HTTP component that calls the node's backends.
     */
    public static SSLContextParameters sslContextParameters(BackendTls tls) {
        try {
            String password = randomPassword();
            KeyStore trusted = emptyStore();
            if (tls.caCertificates() != null) {
                List<X509Certificate> cas = Pem.parseCertificates(Files.readString(tls.caCertificates(),
                        StandardCharsets.US_ASCII));
                require(!cas.isEmpty(), "backend-ca", "holds no PEM certificate: " + tls.caCertificates());
                for (int i = 0; i < cas.size(); i++) {
                    trusted.setCertificateEntry("backend-ca-" + i, cas.get(i));
                }
            }
            KeyStoreParameters trustStore = new KeyStoreParameters();
            trustStore.setKeyStore(trusted);
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setKeyStore(trustStore);
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setTrustManagers(trustManagers);
            // TLS 1.2: a backend refusing the node's certificate ends the handshake before a byte of the request is
            // written. In TLS 1.3 the backend judges it after the node has begun to send, and the refusal reads as a
            // broken pipe (decision 0045).
            parameters.setSecureSocketProtocol(PROTOCOL);
            SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
            protocols.setSecureSocketProtocol(List.of(PROTOCOL));
            parameters.setSecureSocketProtocols(protocols);
            CipherSuitesParameters suites = new CipherSuitesParameters();
            suites.setCipherSuite(CIPHER_SUITES);
            parameters.setCipherSuites(suites);
            if (tls.clientCertificate() != null) {
                KeyStore client = emptyStore();
                List<X509Certificate> chain = Pem.parseCertificates(Files.readString(tls.clientCertificate(),
                        StandardCharsets.US_ASCII));
                require(!chain.isEmpty(), "backend-client-cert", "holds no PEM certificate: " + tls.clientCertificate());
                PrivateKey key = Pem.parsePrivateKeyPkcs8(Files.readString(tls.clientKey(), StandardCharsets.US_ASCII));
                require(matches(key, chain.get(0)), "backend-client-key", "is not the key of " + tls.clientCertificate());
                client.setKeyEntry(CLIENT_ALIAS, key, password.toCharArray(), chain.toArray(X509Certificate[]::new));
                KeyStoreParameters keyStore = new KeyStoreParameters();
                keyStore.setKeyStore(client);
                keyStore.setPassword(password);
                KeyManagersParameters keyManagers = new KeyManagersParameters();
                keyManagers.setKeyStore(keyStore);
                keyManagers.setKeyPassword(password);
                parameters.setKeyManagers(keyManagers);
            }
            return parameters;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "backend TLS material cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        byte[] probe = "spean".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
