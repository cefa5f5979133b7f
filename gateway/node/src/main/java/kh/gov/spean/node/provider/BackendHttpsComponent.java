package kh.gov.spean.node.provider;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Camel's {@code https} component as backends are called: a backend that ends the TLS handshake by closing the
 * connection (as one does on refusing the node's client certificate) fails as a handshake failure, not as a broken
 * pipe indistinguishable from a backend dying mid-request.
 */
final class BackendHttpsComponent extends HttpComponent {

    @Override
    protected Registry<ConnectionSocketFactory> createConnectionRegistry(HostnameVerifier hostnameVerifier,
                                                                         SSLContextParameters parameters,
                                                                         boolean useSystemProperties)
            throws GeneralSecurityException, IOException {
        return RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", new HandshakeSocketFactory(parameters.createSSLContext(getCamelContext()),
                        hostnameVerifier))
                .build();
    }

    /** Everything a layered socket's creation throws happens in the TLS handshake, before any request byte. */
    private static final class HandshakeSocketFactory extends SSLConnectionSocketFactory {

        HandshakeSocketFactory(SSLContext context, HostnameVerifier hostnameVerifier) {
            super(context, hostnameVerifier);
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context)
                throws IOException {
            try {
                return super.createLayeredSocket(socket, target, port, context);
            } catch (SSLException | SocketTimeoutException kept) {
                throw kept;
            } catch (IOException closed) {
                throw handshakeEnded(target, closed);
            }
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, Object attachment,
                                          HttpContext context) throws IOException {
            try {
                return super.createLayeredSocket(socket, target, port, attachment, context);
            } catch (SSLException | SocketTimeoutException kept) {
                throw kept;
            } catch (IOException closed) {
                throw handshakeEnded(target, closed);
            }
        }

        private static SSLHandshakeException handshakeEnded(String target, IOException closed) {
            SSLHandshakeException failure = new SSLHandshakeException(target + " closed the connection during the "
                    + "TLS handshake (" + closed.getMessage() + ")");
            failure.initCause(closed);
            return failure;
        }
    }
}
