package kh.gov.spean.node.edge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the node's HTTP edge protects itself: TLS (the default) or, for development only, plain HTTP that believes
 * {@code X-Road-Client} as sent; where the TLS certificate comes from; and the connection limits.
 *
 * @param plainHttp        plain HTTP, no authentication ({@code --dev-plain-http}); announced at start and in {@code /health}
 * @param certificateFile  the operator's PEM certificate (chain) for the edge ({@code --tls-cert}), with {@code keyFile};
 *                         neither this nor {@code pkcs12File}: the node's own, made in {@code DATA/MEMBER/edge/}
 * @param keyFile          the operator's PEM private key ({@code --tls-key})
 * @param pkcs12File       the operator's PKCS#12 key store ({@code --tls-pkcs12}); its password from
 *                         {@value #PKCS12_PASSWORD_VARIABLE}
 * @param protocols        TLS versions offered ({@code --tls-protocols}, default TLSv1.3; TLSv1.2 where configured)
 * @param idleTimeout      a connection with nothing read or written for this long is closed ({@code --edge-idle-timeout-s},
 *                         60 s; longer than a request's timeout, or a caller waiting for its answer is cut off)
 * @param handshakeTimeout a TLS handshake not done within this is abandoned and its connection closed
 *                         ({@code --edge-handshake-timeout-s}, 10 s). No read timeout of its own: a connection waiting
 *                         for its exchange's answer reads nothing, and the idle timeout already bounds a silent one
 * @param maxConnections   connections open at once; one more is closed at once ({@code --edge-max-connections}, 1024)
 */
public record EdgeSecurity(boolean plainHttp, Path certificateFile, Path keyFile, Path pkcs12File,
                           List<String> protocols, Duration idleTimeout, Duration handshakeTimeout, int maxConnections) {

    public static final String PKCS12_PASSWORD_VARIABLE = "SPEAN_EDGE_TLS_PASSWORD";
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3");
    public static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;

    public EdgeSecurity {
        protocols = List.copyOf(protocols == null ? DEFAULT_PROTOCOLS : protocols);
    }

    /** TLS with client certificates, the node's own server certificate, and the default limits. */
    public static EdgeSecurity defaults() {
        return new EdgeSecurity(false, null, null, null, DEFAULT_PROTOCOLS, DEFAULT_IDLE_TIMEOUT, DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS);
    }

    /** Plain HTTP, X-Road-Client believed as sent: for development and for tests about something else. */
    public static EdgeSecurity developmentPlainHttp() {
        return new EdgeSecurity(true, null, null, null, DEFAULT_PROTOCOLS, DEFAULT_IDLE_TIMEOUT, DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS);
    }

    /** The same, closing idle connections after {@code timeout}: it must outlast the request timeout. */
    public EdgeSecurity withIdleTimeout(Duration timeout) {
        return new EdgeSecurity(plainHttp, certificateFile, keyFile, pkcs12File, protocols, timeout, handshakeTimeout,
                maxConnections);
    }

    /** The scheme of the node's base URL. */
    public String scheme() {
        return plainHttp ? "http" : "https";
    }

    /** Says, in one line, how the edge is protected: logged at start and shown by {@code /health}. */
    public String describe() {
        return plainHttp
                ? "PLAIN HTTP, DEVELOPMENT ONLY: no TLS, and X-Road-Client is believed as sent (--dev-plain-http)"
                : "TLS (" + String.join(", ", protocols) + "), client certificates registered per subsystem";
    }
}
