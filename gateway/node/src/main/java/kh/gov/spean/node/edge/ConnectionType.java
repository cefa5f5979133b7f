package kh.gov.spean.node.edge;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a local subsystem's systems must connect to the node's edge, as X-Road's security server names it per
 * subsystem: {@code http} and {@code https} take the subsystem's calls with or without a client certificate (on a TLS
 * edge both mean TLS without one), {@code https-client-cert} only with a certificate registered for the subsystem.
 */
public enum ConnectionType {
    HTTP("http"),
    HTTPS("https"),
    HTTPS_CLIENT_CERT("https-client-cert");

    /** What a subsystem gets until its operator says otherwise: the strongest. */
    public static final ConnectionType DEFAULT = HTTPS_CLIENT_CERT;

    private final String wireName;

    ConnectionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean requiresClientCertificate() {
        return this == HTTPS_CLIENT_CERT;
    }

    public static ConnectionType parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("connection type must be http, https or "
                        + "https-client-cert, was " + text));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
