package kh.gov.spean.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The private keys a member opens payloads with: its current encryption key, and those a key rotation replaced, kept
 * so that what was sealed to them before every node knew the new certificate still opens. Read from the member's
 * keystore, and read again when a payload names a key not yet known and the keystore changed since (a rotation on a
 * running node). Thread-safe.
 */
public final class DecryptionKeys {

    /** A private key, its certificate, and the recipient identifier that CMS names it by. */
    public record Key(PrivateKey privateKey, X509Certificate certificate, KeyAgreeRecipientId recipientId) {

        static Key of(PrivateKey privateKey, X509Certificate certificate) {
            return new Key(privateKey, certificate, new JceKeyAgreeRecipientId(certificate));
        }
    }

    private record Loaded(List<Key> keys, Key current, FileTime modified) {
    }

    private final Path keystore;
    private final char[] password;
    private volatile Loaded loaded;

    private DecryptionKeys(Path keystore, char[] password, Loaded loaded) {
        this.keystore = keystore;
        this.password = password;
        this.loaded = loaded;
    }

    /**
     * Every key of the keystore at {@code file}, which must hold a current one (alias
     * {@value KeyStores#ENCRYPTION_ALIAS}).
     */
    public static DecryptionKeys fromKeystore(Path file, char[] password) {
        return new DecryptionKeys(file, password.clone(), read(file, password));
    }

    /** One fixed key, never read again. */
    public static DecryptionKeys of(PrivateKey privateKey, X509Certificate certificate) {
        Key key = Key.of(privateKey, certificate);
        return new DecryptionKeys(null, null, new Loaded(List.of(key), key, null));
    }

    public List<Key> keys() {
        return loaded.keys();
    }

    /** The current key as of the last read: the one under {@value KeyStores#ENCRYPTION_ALIAS}, or the one fixed key. */
    public Key current() {
        return loaded.current();
    }

    /**
     * Reads the keystore again if it changed since it was last read. Once it returns, {@link #keys} holds what the file
     * holds, whichever thread did the reading.
     */
    public void reloadIfChanged() {
        if (keystore == null) {
            return;
        }
        synchronized (this) {
            if (!modified(keystore).equals(loaded.modified())) {
                loaded = read(keystore, password);
            }
        }
    }

    private static Loaded read(Path file, char[] password) {
        FileTime modified = modified(file);
        Map<String, Key> keys = new LinkedHashMap<>();
        KeyStores.readKeyPairs(file, password).forEach((alias, entry) ->
                keys.put(alias, Key.of(entry.getPrivateKey(), (X509Certificate) entry.getCertificate())));
        Key current = keys.get(KeyStores.ENCRYPTION_ALIAS);
        if (current == null) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                    "keystore " + file + " has no private key '" + KeyStores.ENCRYPTION_ALIAS + "'");
        }
        return new Loaded(List.copyOf(keys.values()), current, modified);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
