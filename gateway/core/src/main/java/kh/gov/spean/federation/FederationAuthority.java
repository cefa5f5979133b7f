package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.KeyStores;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.json.SpeanJson;

/**
 * The federation authority (X-Road's central server): holds the root CA key and signs the federation configuration.
 * Only the authority's own machine has {@code DIR/authority/}; every node gets {@code DIR/federation/}.
 */
public final class FederationAuthority {

    private static final String ALIAS = "federation-authority";

    private final CertificateAuthority ca;

    public FederationAuthority(CertificateAuthority ca) {
        this.ca = ca;
    }

    public CertificateAuthority ca() {
        return ca;
    }

    /** Reads the authority's key from {@code DIR/authority/ca.p12}. */
    public static FederationAuthority load(Path dataDirectory) {
        Path folder = dataDirectory.resolve("authority");
        char[] password = readPassword(folder.resolve("ca.password"));
        KeyStore.PrivateKeyEntry entry = KeyStores.readKeyPair(folder.resolve("ca.p12"), ALIAS, password);
        return new FederationAuthority(new CertificateAuthority(entry.getPrivateKey(), (X509Certificate) entry.getCertificate()));
    }

    /** Writes the authority's key (password-protected) and publishes the root CA certificate beside the configuration. */
    public void store(Path dataDirectory, char[] password) {
        Path folder = dataDirectory.resolve("authority");
        FederationFiles files = FederationFiles.in(dataDirectory);
        try {
            Files.createDirectories(folder);
            Files.createDirectories(files.directory());
            KeyStores.writeKeyPair(folder.resolve("ca.p12"), ALIAS, ca.key(), new X509Certificate[] {ca.certificate()}, password);
            OwnerOnlyFiles.writeSecret(folder.resolve("ca.password"), new String(password));
            Files.writeString(files.caCertificate(), Pem.certificate(ca.certificate()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the configuration and its detached CMS signature over the exact bytes written. */
    public void publish(FederationConfiguration configuration, FederationFiles files) {
        byte[] bytes = SpeanJson.toPrettyString(configuration).getBytes(StandardCharsets.UTF_8);
        byte[] signature = new DetachedSigner(ca.key(), ca.certificate()).sign(bytes);
        try {
            Files.createDirectories(files.directory());
            Files.write(files.configuration(), bytes);
            Files.write(files.signature(), signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char[] readPassword(Path file) {
        try {
            return Files.readString(file).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the federation authority's password at " + file, e);
        }
    }
}
