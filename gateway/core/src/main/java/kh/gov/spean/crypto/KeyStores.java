package kh.gov.spean.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import kh.gov.spean.files.OwnerOnlyFiles;
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
            KeyStore store = empty();
            store.setKeyEntry(alias, key, password, chain);
            store(store, file, password);
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot write keystore " + file, e);
        }
    }

    /**
     * Puts a key under {@code alias} beside the keystore's other entries, creating the keystore if there is none (a
     * member's new key waiting for its certificate, under a self-signed stand-in until the authority issues it).
     */
    public static void putKeyPair(Path file, String alias, PrivateKey key, X509Certificate[] chain, char[] password) {
        KeyStore store = Files.exists(file) ? load(file, password) : empty();
        try {
            store.setKeyEntry(alias, key, password, chain);
            store(store, file, password);
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot write keystore " + file, e);
        }
    }

    /**
     * Makes the key under {@code fromAlias} the current one under {@code alias}, with the certificate chain now issued
     * for it, and keeps the key it replaces, if any, under {@code previousAlias}; one atomic file move.
     */
    public static void promoteKeyPair(Path file, String fromAlias, String alias, String previousAlias,
                                      X509Certificate[] chain, char[] password) {
        KeyStore store = load(file, password);
        try {
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
            if (!(store.getEntry(fromAlias, protection) instanceof KeyStore.PrivateKeyEntry promoted)) {
                throw invalid("keystore " + file + " has no private key '" + fromAlias + "'");
            }
            KeyStore.Entry replaced = store.getEntry(alias, protection);
            if (replaced != null) {
                store.setEntry(previousAlias, replaced, protection);
            }
            store.setKeyEntry(alias, promoted.getPrivateKey(), password, chain);
            store.deleteEntry(fromAlias);
            store(store, file, password);
        } catch (SpeanException e) {
            throw e;
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

    /** Writes the keystore owner-only (0600, in a 0700 folder if it makes one), replacing the file in one move. */
    private static void store(KeyStore store, Path file, char[] password) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        OwnerOnlyFiles.write(file, out.toByteArray());
    }

    private static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            return store;
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot create a " + TYPE + " keystore", e);
        }
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
