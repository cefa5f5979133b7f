package kh.gov.spean.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/** Password-protected PKCS#12 keystores: how a member's private keys rest on its node's disk. */
public final class KeyStores {

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

    /** Reads one key entry; the private key comes back as a Bouncy Castle key, for fast EC operations. */
    public static KeyStore.PrivateKeyEntry readKeyPair(Path file, String alias, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw invalid("keystore " + file + " is missing");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance(TYPE);
            store.load(in, password);
        } catch (IOException e) {
            throw invalid("keystore " + file + " cannot be opened: wrong password or damaged file");
        } catch (Exception e) {
            throw invalid("keystore " + file + " cannot be read: " + e.getMessage());
        }
        try {
            KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(password));
            if (!(entry instanceof KeyStore.PrivateKeyEntry keyEntry)) {
                throw invalid("keystore " + file + " has no private key '" + alias + "'");
            }
            Certificate[] chain = keyEntry.getCertificateChain();
            PrivateKey key = KeyFactory.getInstance(keyEntry.getPrivateKey().getAlgorithm(), BouncyCastle.provider())
                    .generatePrivate(new PKCS8EncodedKeySpec(keyEntry.getPrivateKey().getEncoded()));
            return new KeyStore.PrivateKeyEntry(key, chain);
        } catch (SpeanException e) {
            throw e;
        } catch (Exception e) {
            throw invalid("keystore " + file + ": cannot read key '" + alias + "': " + e.getMessage());
        }
    }

    /** A member's signing ({@code signing.p12}) and encryption ({@code encryption.p12}) keys from its folder. */
    public static MemberKeys loadMember(MemberId member, Path memberDirectory, char[] password) {
        KeyStore.PrivateKeyEntry signing = readKeyPair(memberDirectory.resolve("signing.p12"), "signing", password);
        KeyStore.PrivateKeyEntry encryption = readKeyPair(memberDirectory.resolve("encryption.p12"), "encryption", password);
        return new MemberKeys(member, signing.getPrivateKey(), (X509Certificate) signing.getCertificate(),
                encryption.getPrivateKey(), (X509Certificate) encryption.getCertificate());
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, detail);
    }
}
