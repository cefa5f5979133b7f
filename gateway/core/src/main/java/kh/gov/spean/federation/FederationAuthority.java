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
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.files.OwnerOnlyFiles;
import kh.gov.spean.json.SpeanJson;

/**
 * The federation authority (X-Road's central server): holds the root CA key, issues members' certificates from their
 * requests, and signs the federation configuration. Only the authority's own machine has {@code DIR/authority/}; every
 * node gets {@code DIR/federation/}.
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
        AuthorityFiles folder = AuthorityFiles.in(dataDirectory);
        if (!Files.isRegularFile(folder.caKeystore())) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no federation authority in " + dataDirectory
                    + ": " + folder.caKeystore() + " is missing (the authority's data directory is the one 'spean init' made)");
        }
        char[] password = password(folder);
        KeyStore.PrivateKeyEntry entry = KeyStores.readKeyPair(folder.caKeystore(), ALIAS, password);
        return new FederationAuthority(new CertificateAuthority(entry.getPrivateKey(), (X509Certificate) entry.getCertificate()));
    }

    /**
     * Writes the authority's key (password-protected, its password in the development file beside it) and publishes
     * the root CA certificate beside the configuration.
     */
    public void store(Path dataDirectory, char[] password) {
        AuthorityFiles folder = AuthorityFiles.in(dataDirectory);
        FederationFiles files = FederationFiles.in(dataDirectory);
        try {
            OwnerOnlyFiles.createDirectories(folder.directory());
            Files.createDirectories(files.directory());
            KeyStores.writeKeyPair(folder.caKeystore(), ALIAS, ca.key(), new X509Certificate[] {ca.certificate()}, password);
            OwnerOnlyFiles.writeSecret(folder.developmentPasswordFile(), new String(password));
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

    private static char[] password(AuthorityFiles folder) {
        String fromEnvironment = System.getenv(AuthorityFiles.PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        try {
            return Files.readString(folder.developmentPasswordFile()).trim().toCharArray();
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no password for the federation authority's key: set "
                    + AuthorityFiles.PASSWORD_VARIABLE + " (or, in development, provide " + folder.developmentPasswordFile() + ")");
        }
    }
}
