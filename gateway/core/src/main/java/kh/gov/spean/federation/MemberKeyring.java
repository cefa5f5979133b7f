package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;

import kh.gov.spean.crypto.CertificateRequest;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.KeyStores;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.files.OwnerOnlyFiles;

/**
 * The member's half of its keys, done on its own node (X-Road's security server does the same): it makes each key pair
 * there, keeps the private key in its keystore as waiting, and writes a certificate request for the federation
 * authority; once the authority's certificates come back, it installs them, and the waiting keys become current. The
 * keys they replace stay in the keystores (decision 0014). No private key is ever written anywhere else.
 */
public final class MemberKeyring {

    /** How long a waiting key's self-signed stand-in lasts: longer than any request should wait for its certificate. */
    private static final Duration STAND_IN_VALIDITY = Duration.ofDays(90);

    private final MemberFiles files;

    public MemberKeyring(MemberFiles files) {
        this.files = files;
    }

    /**
     * Makes a new signing and a new encryption key pair, keeps each in its keystore as waiting, and writes their
     * requests ({@link MemberFiles#request}). The current keys, if any, stay current until {@link #install}. Making
     * keys again before installing replaces the waiting ones: only the latest requests can be installed.
     */
    public void generate() {
        char[] password = files.password();
        try {
            OwnerOnlyFiles.createDirectories(files.directory());
            for (KeyRole role : KeyRole.values()) {
                KeyPair pair = DevelopmentPki.newKeyPair();
                String name = role.commonName(files.member());
                KeyStores.putKeyPair(files.keystore(role), role.waitingAlias(), pair.getPrivate(),
                        new X509Certificate[] {DevelopmentPki.selfSigned(pair, name, STAND_IN_VALIDITY)}, password);
                Files.writeString(files.request(role), CertificateRequest.create(pair, name).pem(),
                        StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keys of " + files.member() + " into " + files.directory(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Installs the authority's certificates for the waiting keys: each must be issued by {@code caCertificate} (the
     * federation's trust anchor, got out of band), name this member, and certify the waiting key of its kind; else
     * CERTIFICATE_MISMATCH and nothing changes. Then each waiting key becomes current, with its certificate and the
     * CA's as its chain, and the key it replaces is kept under {@link KeyRole#keptAlias}.
     */
    public void install(MemberCertificates certificates, X509Certificate caCertificate) {
        certificates.requireIssuedFor(files.member(), caCertificate);
        char[] password = files.password();
        try {
            for (KeyRole role : KeyRole.values()) {
                KeyStore.PrivateKeyEntry waiting = waiting(role, password);
                if (!Arrays.equals(waiting.getCertificate().getPublicKey().getEncoded(),
                        certificates.get(role).getPublicKey().getEncoded())) {
                    throw new SpeanException(ErrorCode.CERTIFICATE_MISMATCH, "the " + role.alias() + " certificate is not"
                            + " for the key waiting in " + files.keystore(role) + " (made again since the request was sent?)");
                }
            }
            for (KeyRole role : KeyRole.values()) {
                KeyStore.PrivateKeyEntry current = current(role, password);
                String kept = current == null ? null : role.keptAlias((X509Certificate) current.getCertificate());
                KeyStores.promoteKeyPair(files.keystore(role), role.waitingAlias(), role.alias(), kept,
                        new X509Certificate[] {certificates.get(role), caCertificate}, password);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private KeyStore.PrivateKeyEntry waiting(KeyRole role, char[] password) {
        KeyStore.PrivateKeyEntry entry = Files.exists(files.keystore(role))
                ? KeyStores.readKeyPairs(files.keystore(role), password).get(role.waitingAlias()) : null;
        if (entry == null) {
            throw new SpeanException(ErrorCode.CERTIFICATE_MISMATCH, "no " + role.alias() + " key is waiting for a"
                    + " certificate in " + files.keystore(role) + ": make keys and requests first ('spean member keys')");
        }
        return entry;
    }

    private KeyStore.PrivateKeyEntry current(KeyRole role, char[] password) {
        return KeyStores.readKeyPairs(files.keystore(role), password).get(role.alias());
    }
}
