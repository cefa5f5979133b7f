package kh.gov.spean.cli.demo;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.crypto.DevelopmentBackendTls;

/**
 * Mock backends as a ministry's should be: WireMock over HTTPS only, with the development backend CA's server
 * certificate, requiring a client certificate from that CA (the node's); and the options that point a node at them.
 */
public final class MockBackendTls {

    private static final String STORE_TYPE = "PKCS12";

    private MockBackendTls() {
    }

    /** {@code options} serving HTTPS only at {@code port} (0: any free port), client certificate required. */
    public static WireMockConfiguration https(WireMockConfiguration options, DevelopmentBackendTls tls, int port) {
        return options.httpDisabled(true)
                .httpsPort(port)
                .keystorePath(tls.serverKeystore().toString())
                .keystoreType(STORE_TYPE)
                .keystorePassword(tls.password())
                .keyManagerPassword(tls.password())
                .needClientAuth(true)
                .trustStorePath(tls.truststore().toString())
                .trustStoreType(STORE_TYPE)
                .trustStorePassword(tls.password());
    }

    /** The base URL a connector is pointed at. */
    public static String baseUrl(WireMockServer server) {
        return "https://127.0.0.1:" + server.httpsPort();
    }

    /** The {@code spean gateway} options that make a node trust the mocks and present its client certificate. */
    public static List<String> gatewayOptions(DevelopmentBackendTls tls) {
        return List.of("--backend-ca", tls.caCertificate().toString(),
                "--backend-client-cert", tls.clientCertificate().toString(),
                "--backend-client-key", tls.clientKey().toString());
    }
}
