package kh.gov.spean.node.edge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.TrustOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * The edge's TLS server side: the operator's certificate (PEM or PKCS#12), or else the node's own self-signed one,
 * made at its first start in {@code DATA/MEMBER/edge/} with a key of its own (never the member's signing key), and the
 * Vert.x options that offer it, ask for (but do not demand) a client certificate, and bound the handshake.
 */
public final class EdgeTls {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeTls.class);
    static final Duration OWN_CERTIFICATE_VALIDITY = Duration.ofDays(730);

    private final EdgeSecurity security;
    private final KeyCertOptions keyCertificate;
    private final X509Certificate certificate;
    private final Path certificateFile;

    private EdgeTls(EdgeSecurity security, KeyCertOptions keyCertificate, X509Certificate certificate,
                    Path certificateFile) {
        this.security = security;
        this.keyCertificate = keyCertificate;
        this.certificate = certificate;
        this.certificateFile = certificateFile;
    }

    /** Loads the operator's material, or the node's own (made now if missing or expired). */
    public static EdgeTls prepare(EdgeSecurity security, Path dataDirectory, MemberId member, String host, Clock clock) {
        if (security.pkcs12File() != null) {
            String password = System.getenv(EdgeSecurity.PKCS12_PASSWORD_VARIABLE);
            PfxOptions pfx = new PfxOptions().setPath(security.pkcs12File().toString())
                    .setPassword(password == null ? "" : password);
            return new EdgeTls(security, pfx, certificateOf(pfx), null);
        }
        if (security.certificateFile() != null) {
            TlsCredential operator = TlsCredential.load(security.certificateFile(), security.keyFile());
            return new EdgeTls(security, new PemKeyCertOptions().setCertPath(security.certificateFile().toString())
                    .setKeyPath(security.keyFile().toString()), operator.certificate(), security.certificateFile());
        }
        EdgeFiles files = EdgeFiles.in(dataDirectory, member);
        TlsCredential own = ownCertificate(files, member, host, clock);
        return new EdgeTls(security, new PemKeyCertOptions().setCertValue(io.vertx.core.buffer.Buffer.buffer(
                Pem.certificate(own.certificate()))).setKeyValue(io.vertx.core.buffer.Buffer.buffer(
                Pem.privateKeyPkcs8(own.key()))), own.certificate(), files.serverCertificate());
    }

    /** Makes {@code options} a TLS server's that asks each client for its certificate. */
    public HttpServerOptions apply(HttpServerOptions options) {
        return options.setSsl(true)
                .setKeyCertOptions(keyCertificate)
                .setTrustOptions(TrustOptions.wrap(new AcceptAnyClientCertificate()))
                .setClientAuth(ClientAuth.REQUEST)
                .setEnabledSecureTransportProtocols(new LinkedHashSet<>(security.protocols()))
                .setSslHandshakeTimeout(security.handshakeTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    /** The certificate the edge presents: what its clients trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Its PEM file, for {@code curl --cacert}; null when it came in a PKCS#12 store. */
    public Path certificateFile() {
        return certificateFile;
    }

    private static TlsCredential ownCertificate(EdgeFiles files, MemberId member, String host, Clock clock) {
        Instant now = clock.instant();
        if (Files.isRegularFile(files.serverCertificate()) && Files.isRegularFile(files.serverKey())) {
            TlsCredential kept = TlsCredential.load(files.serverCertificate(), files.serverKey());
            boolean namesHost = SelfSignedCertificates.names(kept.certificate(), host);
            if (kept.certificate().getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(1))) && namesHost) {
                return kept;
            }
            LOG.warn("the edge's TLS certificate {} is expiring or does not name {}: making a new one; clients that "
                    + "pinned the old one must take the new file", files.serverCertificate(), host);
        }
        TlsCredential made = SelfSignedCertificates.server("spean-node " + member, host, now.minus(Duration.ofMinutes(5)),
                now.plus(OWN_CERTIFICATE_VALIDITY));
        made.save(files.serverCertificate(), files.serverKey());
        LOG.info("made the edge's TLS certificate {} (SHA-256 {})", files.serverCertificate(), made.fingerprint());
        return made;
    }

    private static X509Certificate certificateOf(PfxOptions pfx) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(Path.of(pfx.getPath()))) {
                store.load(in, pfx.getPassword().toCharArray());
            }
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return (X509Certificate) store.getCertificate(alias);
                }
            }
            throw new IllegalArgumentException("it holds no key entry");
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "tls-pkcs12: cannot read " + pfx.getPath()
                    + " (password from " + EdgeSecurity.PKCS12_PASSWORD_VARIABLE + "): " + e.getMessage(), e);
        }
    }
}
