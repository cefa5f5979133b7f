package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import kh.gov.spean.crypto.BuiltInTimestampAuthority;
import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.KeyStores;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.files.OwnerOnlyFiles;

/**
 * The development timestamp authority's key, in the federation authority's folder ({@code DIR/authority/timestamping/}):
 * its certificate is issued by the federation CA for time-stamping only. A node run on the whole development folder
 * uses it in-process; a node on its own host names a TSA URL instead ({@code spean timestamp-authority} serves this
 * one) and holds none of it.
 */
public record TimestampingFiles(Path directory) {

    private static final String ALIAS = "timestamping";
    static final Duration VALIDITY = Duration.ofDays(3650);

    public static TimestampingFiles in(Path dataDirectory) {
        return AuthorityFiles.in(dataDirectory).timestamping();
    }

    public Path keystore() {
        return directory.resolve("tsa.p12");
    }

    public Path passwordFile() {
        return directory.resolve("tsa.password");
    }

    /** Issues the TSA's key and certificate (spean init). */
    void create(CertificateAuthority ca, char[] password) {
        KeyPair pair = DevelopmentPki.newKeyPair();
        X509Certificate certificate = ca.issueTimestampingCertificate("Spean development timestamp authority",
                pair.getPublic(), VALIDITY);
        try {
            OwnerOnlyFiles.createDirectories(directory);
            KeyStores.writeKeyPair(keystore(), ALIAS, pair.getPrivate(), new X509Certificate[] {certificate, ca.certificate()},
                    password);
            OwnerOnlyFiles.writeSecret(passwordFile(), new String(password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BuiltInTimestampAuthority loadAuthority() {
        char[] password;
        try {
            password = Files.readString(passwordFile()).trim().toCharArray();
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no built-in timestamp authority in " + directory
                    + " (run 'spean init', or give the node a TSA URL with --tsa-url)");
        }
        KeyStore.PrivateKeyEntry entry = KeyStores.readKeyPair(keystore(), ALIAS, password);
        List<X509Certificate> chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast).toList();
        return new BuiltInTimestampAuthority(entry.getPrivateKey(), chain.get(0), chain);
    }
}
