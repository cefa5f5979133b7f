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
 * A member's own folder on its node ({@code DIR/INSTANCE.CLASS.MEMBER/}, 0700): its keystores (0600), the certificate
 * requests it sends the federation authority and the certificates it gets back, and the node's own state. Its private
 * keys never leave it; nothing of the authority's or another member's is ever in it. The one place that names what a
 * member's folder holds.
 *
 * @param namedPasswordFile a file the operator named for the keystore password ({@code --keystore-password-file}), or null
 */
public record MemberFiles(MemberId member, Path directory, Path namedPasswordFile) {

    /** Environment variable that supplies the keystore password. */
    public static final String PASSWORD_VARIABLE = "SPEAN_KEYSTORE_PASSWORD";
    /** Environment variable naming a file that holds the keystore password (a Docker or Kubernetes secret). */
    public static final String PASSWORD_FILE_VARIABLE = "SPEAN_KEYSTORE_PASSWORD_FILE";

    public static MemberFiles in(Path dataDirectory, MemberId member) {
        return new MemberFiles(member, dataDirectory.resolve(member.folderName()), null);
    }

    /** The same folder, its keystore password read from {@code file} (null: from the environment, as {@link #in}). */
    public MemberFiles withPasswordFile(Path file) {
        return new MemberFiles(member, directory, file);
    }

    public Path keystore(KeyRole role) {
        return directory.resolve(role.keystoreFile());
    }

    public Path signingKeystore() {
        return keystore(KeyRole.SIGNING);
    }

    public Path encryptionKeystore() {
        return keystore(KeyRole.ENCRYPTION);
    }

    /** The PKCS#10 request for a key made here, to send to the federation authority. */
    public Path request(KeyRole role) {
        return directory.resolve(role.requestFile());
    }

    /**
     * The member's keys for blinding data subjects in its message log ({@code subject-tags/v1.key, v2.key…}, 0600 in
     * a 0700 folder): like its private keys, they never leave its nodes.
     */
    public Path subjectTagKeys() {
        return directory.resolve("subject-tags");
    }

    /**
     * Development only: {@code spean init} writes a random keystore password here (0600), beside the keystores it
     * protects. A production member never has this file: its password comes from {@value #PASSWORD_VARIABLE},
     * {@value #PASSWORD_FILE_VARIABLE} or a file named on the command line, kept elsewhere.
     */
    public Path developmentPasswordFile() {
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

    /**
     * The keystore password: from the file the operator named, else {@value #PASSWORD_VARIABLE}, else the file
     * {@value #PASSWORD_FILE_VARIABLE} names, else the development password file.
     */
    char[] password() {
        if (namedPasswordFile != null) {
            return readPassword(namedPasswordFile, "the keystore password file");
        }
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        String namedFile = System.getenv(PASSWORD_FILE_VARIABLE);
        if (namedFile != null && !namedFile.isEmpty()) {
            return readPassword(Path.of(namedFile), PASSWORD_FILE_VARIABLE);
        }
        if (Files.isRegularFile(developmentPasswordFile())) {
            return readPassword(developmentPasswordFile(), "the development password file");
        }
        throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no keystore password for " + member + ": set "
                + PASSWORD_VARIABLE + " or " + PASSWORD_FILE_VARIABLE + ", or name a file with --keystore-password-file");
    }

    private char[] readPassword(Path file, String what) {
        String password;
        try {
            password = Files.readString(file).trim();
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot read " + what + " " + file
                    + " for the keystores of " + member);
        }
        if (password.isEmpty()) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, what + " " + file + " is empty");
        }
        return password.toCharArray();
    }
}
