package kh.gov.spean.node;

import static kh.gov.spean.node.SettingCheck.require;

import java.nio.file.Files;
import java.nio.file.Path;

import kh.gov.spean.crypto.DevelopmentBackendTls;

/**
 * How a node calls its ministry's backends over TLS: the CA their certificates must chain to, and the client
 * certificate the node presents to them.
 *
 * @param caCertificates    PEM file of the CA certificate(s) a backend's certificate must chain to; the only trust
 *                          used for backends, never the JVM's default store ({@code --backend-ca FILE})
 * @param clientCertificate PEM file of the node's client certificate, then its chain ({@code --backend-client-cert FILE})
 * @param clientKey         PEM file of that certificate's private key, unencrypted PKCS#8, readable by the node's user
 *                          only ({@code --backend-client-key FILE})
 * @param plainHttpAllowed  development only: allow {@code http://} backends, which the node then announces at start-up
 *                          ({@code --backend-plain-http}, default false)
 */
public record BackendTls(Path caCertificates, Path clientCertificate, Path clientKey, boolean plainHttpAllowed) {

    /** No TLS material and no plain HTTP: a node with any backend refuses to start until it is told. */
    public static final BackendTls NONE = new BackendTls(null, null, null, false);

    /** The material the demo and the tests make for their mock backends. */
    public static BackendTls of(DevelopmentBackendTls material) {
        return new BackendTls(material.caCertificate(), material.clientCertificate(), material.clientKey(), false);
    }

    public BackendTls withPlainHttpAllowed(boolean allowed) {
        return new BackendTls(caCertificates, clientCertificate, clientKey, allowed);
    }

    /** Throws CONFIGURATION_INVALID naming the first setting that is wrong. */
    public BackendTls validate() {
        require(caCertificates == null || Files.isReadable(caCertificates), "backend-ca",
                "must be a readable PEM file: " + caCertificates);
        require((clientCertificate == null) == (clientKey == null), "backend-client-cert",
                "and backend-client-key go together");
        require(clientCertificate == null || Files.isReadable(clientCertificate), "backend-client-cert",
                "must be a readable PEM file: " + clientCertificate);
        require(clientKey == null || Files.isReadable(clientKey), "backend-client-key",
                "must be a readable PEM file: " + clientKey);
        return this;
    }
}
