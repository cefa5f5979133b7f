package kh.gov.spean.federation;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;

/**
 * Loads the federation configuration and refuses it unless it is signed by the federation authority (the holder of
 * the root CA key), unaltered since, and not expired. A node will not start on anything less.
 */
public final class FederationLoader {

    private FederationLoader() {
    }

    /** The trust anchor: the federation root CA certificate. */
    public static X509Certificate loadTrustAnchor(FederationFiles files) {
        String pem = read(files.caCertificate(), "federation root CA certificate");
        try {
            return Pem.parseCertificate(pem);
        } catch (IllegalArgumentException e) {
            throw invalid("the federation root CA certificate " + files.caCertificate() + " cannot be read: "
                    + e.getMessage());
        }
    }

    public static Federation load(FederationFiles files, Instant now) {
        FederationConfiguration configuration = loadConfiguration(files, now);
        try {
            return Federation.of(configuration);
        } catch (IllegalArgumentException e) {
            throw invalid("the federation configuration is inconsistent: " + e.getMessage());
        }
    }

    /** The configuration as the authority signed it, once its signature and expiry are checked. */
    public static FederationConfiguration loadConfiguration(FederationFiles files, Instant now) {
        X509Certificate anchor = loadTrustAnchor(files);
        byte[] configuration = readBytes(files.configuration(), "federation configuration");
        if (!Files.exists(files.signature())) {
            throw invalid("the federation configuration is unsigned: " + files.signature() + " is missing");
        }
        byte[] signature = readBytes(files.signature(), "federation configuration signature");
        X509Certificate signer;
        try {
            signer = new DetachedSignatureVerifier(anchor).verify(configuration, signature, now);
        } catch (SpeanException e) {
            throw invalid("the federation configuration is altered or not signed by the federation authority ("
                    + e.code() + ": " + e.detail() + ")");
        }
        if (!signer.equals(anchor)) {
            throw invalid("the federation configuration is signed by " + signer.getSubjectX500Principal().getName()
                    + ", not by the federation authority");
        }
        FederationConfiguration parsed;
        try {
            parsed = SpeanJson.fromBytes(configuration, FederationConfiguration.class);
        } catch (RuntimeException e) {
            throw invalid("the federation configuration does not parse: " + e.getMessage());
        }
        if (parsed.version() != FederationConfiguration.CURRENT_VERSION) {
            throw invalid("unsupported federation configuration version " + parsed.version());
        }
        if (parsed.expiresAt() == null || !now.isBefore(parsed.expiresAt())) {
            throw invalid("the federation configuration expired at " + parsed.expiresAt()
                    + "; ask the federation authority for a new one");
        }
        return parsed;
    }

    private static String read(Path file, String what) {
        return new String(readBytes(file, what), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid("cannot read the " + what + " at " + file + " (run 'spean init' or copy it from the federation authority)");
        }
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, detail);
    }
}
