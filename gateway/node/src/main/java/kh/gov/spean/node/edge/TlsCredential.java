package kh.gov.spean.node.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;

/**
 * A TLS key and its certificate, as PEM files (the certificate, and the PKCS#8 key readable by its owner only), and
 * the TLS context a client of the node's edge makes from them: present this certificate, trust the node's.
 */
public record TlsCredential(PrivateKey key, X509Certificate certificate) {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    /** Hex SHA-256 of the certificate's DER encoding: how the client registry pins it. */
    public String fingerprint() {
        return Federation.fingerprint(certificate);
    }

    public static TlsCredential load(Path certificateFile, Path keyFile) {
        try {
            X509Certificate certificate = Pem.parseCertificates(Files.readString(certificateFile, StandardCharsets.US_ASCII))
                    .get(0);
            return new TlsCredential(Pem.parsePrivateKeyPkcs8(Files.readString(keyFile, StandardCharsets.US_ASCII)),
                    certificate);
        } catch (IOException | RuntimeException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot read the TLS key " + keyFile
                    + " and certificate " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    /** Writes the certificate, and the key readable by its owner only. */
    public void save(Path certificateFile, Path keyFile) {
        try {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.createDirectories(certificateFile.toAbsolutePath().getParent());
            Files.deleteIfExists(keyFile);
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, Pem.privateKeyPkcs8(key), StandardCharsets.US_ASCII);
            Files.writeString(certificateFile, Pem.certificate(certificate), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot write " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** A client's TLS context: presents this credential, and trusts only {@code server} (the node's edge certificate). */
    public SSLContext clientContext(X509Certificate server) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", standardKey(), IN_MEMORY, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trusting(server).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot make a TLS client context: " + e.getMessage(), e);
        }
    }

    /** A TLS context that presents no certificate and trusts only {@code server}. */
    public static SSLContext anonymousClientContext(X509Certificate server) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trusting(server).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot make a TLS client context: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trusting(X509Certificate server) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("node-edge", server);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        return trustManagers;
    }

    /** The JDK's own form of the key: the TLS provider does not take Bouncy Castle's key objects. */
    private PrivateKey standardKey() throws GeneralSecurityException {
        return KeyFactory.getInstance(key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }
}
