package kh.gov.spean.node.edge;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The edge's TLS trust for client certificates: any certificate is taken into the handshake, which still proves the
 * client holds its key; whether it is registered, for which subsystem, and in its validity window is decided on the
 * request by AuthenticateClient, which answers with a code and logs the refusal, rather than a bare handshake failure.
 * Self-signed client certificates are what X-Road's registered client certificates usually are.
 */
final class AcceptAnyClientCertificate extends X509ExtendedTrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Decided per request, against the client registry.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Decided per request, against the client registry.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Decided per request, against the client registry.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("the edge is a server only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("the edge is a server only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("the edge is a server only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
