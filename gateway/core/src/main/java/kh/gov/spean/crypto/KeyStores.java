package kh.gov.spean.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * Password-protected PKCS#12 keystores: how a member's private keys rest on its node's disk. The current key of each
 * kind is under its own alias ({@code signing}, {@code encryption}); a rotation keeps the one it replaces under
 * another alias, so that what was sealed to it can still be opened.
 */
public final class KeyStores {

    /** The alias of the current signing key in {@code signing.p12}. */
    public static final String SIGNING_ALIAS = "signing";
    /** The alias of the current encryption key in {@code encryption.p12}. */
    public static final String ENCRYPTION_ALIAS = "encryption";
    private static final String TYPE = "PKCS12";

    private KeyStores() {
    }

    public static void writeKeyPair(Path file, String alias, PrivateKey key, X509Certificate[] chain, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot write keystore " + file, e);
        }
    }

    /**
     * Puts a new key under {@code alias} and keeps the one it replaces under {@code previousAlias}; the file is
     * replaced in one atomic move, so a node reading it meanwhile sees the old keystore or the new one.
     */
    public static void replaceKeyPair(Path file, String alias, String previousAlias, PrivateKey key,
                                      X509Certificate[] chain, char[] password) {
        KeyStore store = load(file, password);
        try {
            KeyStore.Entry replaced = store.getEntry(alias, new KeyStore.PasswordProtection(password));
            if (replaced != null) {
                store.setEntry(previousAlias, replaced, new KeyStore.PasswordProtection(password));
            }
            store.setKeyEntry(alias, key, password, chain);
            Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            try (OutputStream out = Files.newOutputStream(written)) {
                store.store(out, password);
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot write keystore " + file, e);
        }
    }

    /** Reads one key entry; the private key comes back as a Bouncy Castle key, for fast EC operations. */
    public static KeyStore.PrivateKeyEntry readKeyPair(Path file, String alias, char[] password) {
        KeyStore.PrivateKeyEntry entry = privateKeyEntry(load(file, password), file, alias, password);
        if (entry == null) {
            throw invalid("keystore " + file + " has no private key '" + alias + "'");
        }
        return entry;
    }

    /** Every key entry of the keystore, current and kept, as Bouncy Castle keys, by alias. */
    public static Map<String, KeyStore.PrivateKeyEntry> readKeyPairs(Path file, char[] password) {
        KeyStore store = load(file, password);
        Map<String, KeyStore.PrivateKeyEntry> entries = new LinkedHashMap<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                KeyStore.PrivateKeyEntry entry = privateKeyEntry(store, file, alias, password);
                if (entry != null) {
                    entries.put(alias, entry);
                }
            }
        } catch (Exception e) {
            throw invalid("keystore " + file + " cannot be read: " + e.getMessage());
        }
        return entries;
    }

    /** A member's signing ({@code signing.p12}) and encryption ({@code encryption.p12}) keys from its folder. */
    public static MemberKeys loadMember(MemberId member, Path memberDirectory, char[] password) {
        KeyStore.PrivateKeyEntry signing = readKeyPair(memberDirectory.resolve("signing.p12"), SIGNING_ALIAS, password);
        KeyStore.PrivateKeyEntry encryption = readKeyPair(memberDirectory.resolve("encryption.p12"), ENCRYPTION_ALIAS,
                password);
        return new MemberKeys(member, signing.getPrivateKey(), (X509Certificate) signing.getCertificate(),
                encryption.getPrivateKey(), (X509Certificate) encryption.getCertificate());
    }

    private static KeyStore load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw invalid("keystore " + file + " is missing");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw invalid("keystore " + file + " cannot be opened: wrong password or damaged file");
        } catch (Exception e) {
            throw invalid("keystore " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static KeyStore.PrivateKeyEntry privateKeyEntry(KeyStore store, Path file, String alias, char[] password) {
        try {
            if (!(store.getEntry(alias, new KeyStore.PasswordProtection(password)) instanceof KeyStore.PrivateKeyEntry entry)) {
                return null;
            }
            Certificate[] chain = entry.getCertificateChain();
            PrivateKey key = KeyFactory.getInstance(entry.getPrivateKey().getAlgorithm(), BouncyCastle.provider())
                    .generatePrivate(new PKCS8EncodedKeySpec(entry.getPrivateKey().getEncoded()));
            return new KeyStore.PrivateKeyEntry(key, chain);
        } catch (Exception e) {
            throw invalid("keystore " + file + ": cannot read key '" + alias + "': " + e.getMessage());
        }
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, detail);
    }
}
