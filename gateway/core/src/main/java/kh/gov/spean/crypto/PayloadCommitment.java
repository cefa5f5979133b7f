package kh.gov.spean.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;

/** A salted SHA-256 commitment to a plaintext: binding in the signed header, hiding while the salt stays secret. */
public final class PayloadCommitment {

    public static final int SALT_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PayloadCommitment() {
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** SHA-256(salt || payload). */
    public static byte[] commit(byte[] salt, byte[] payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(payload);
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    public static boolean matches(byte[] commitment, byte[] salt, byte[] payload) {
        return MessageDigest.isEqual(commitment, commit(salt, payload));
    }
}
