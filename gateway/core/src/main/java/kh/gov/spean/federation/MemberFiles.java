package kh.gov.spean.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import kh.gov.spean.crypto.DecryptionKeys;
import kh.gov.spean.crypto.KeyStores;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * A member's own folder in a data directory ({@code DIR/INSTANCE.CLASS.MEMBER/}): its keystores, their password,
 * and the node's own state. Its private keys never leave it.
 */
public record MemberFiles(MemberId member, Path directory) {

    /** Environment variable that, when set, supplies the keystore password instead of the password file. */
    public static final String PASSWORD_VARIABLE = "SPEAN_KEYSTORE_PASSWORD";

    public static MemberFiles in(Path dataDirectory, MemberId member) {
        return new MemberFiles(member, dataDirectory.resolve(member.folderName()));
    }

    public Path signingKeystore() {
        return directory.resolve("signing.p12");
    }

    public Path encryptionKeystore() {
        return directory.resolve("encryption.p12");
    }

    /** Development only: {@code spean init} writes a random password here (owner-readable); production sets {@value #PASSWORD_VARIABLE}. */
    public Path passwordFile() {
        return directory.resolve("keystore.password");
    }

    public MemberKeys loadKeys() {
        return KeyStores.loadMember(member, directory, password());
    }

    /** The current signing key pair alone; a node takes its encryption key from {@link #decryptionKeys}. */
    public KeyStore.PrivateKeyEntry signingKeyPair() {
        return KeyStores.readKeyPair(signingKeystore(), KeyStores.SIGNING_ALIAS, password());
    }

    /** The member's encryption keys, current and kept after rotations, read again when the keystore changes. */
    public DecryptionKeys decryptionKeys() {
        return DecryptionKeys.fromKeystore(encryptionKeystore(), password());
    }

    char[] password() {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        try {
            return Files.readString(passwordFile()).trim().toCharArray();
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no keystore password for " + member + ": set "
                    + PASSWORD_VARIABLE + " or provide " + passwordFile());
        }
    }
}
