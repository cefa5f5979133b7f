package kh.gov.spean.envelope;

import java.util.Arrays;

import kh.gov.spean.crypto.PayloadCommitment;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The plaintext that is encrypted: the commitment's 32-byte salt, then the payload. The salt must stay secret
 * (a public salt would let anyone test guesses of a short payload such as {@code {"result":"match"}} against the
 * commitment), so it travels inside the ciphertext.
 */
public record SaltedPayload(byte[] salt, byte[] payload) {

    public static final int SALT_LENGTH = 32;

    static byte[] join(byte[] salt, byte[] payload) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
        }
        byte[] joined = new byte[SALT_LENGTH + payload.length];
        System.arraycopy(salt, 0, joined, 0, SALT_LENGTH);
        System.arraycopy(payload, 0, joined, SALT_LENGTH, payload.length);
        return joined;
    }

    static SaltedPayload split(byte[] plaintext) {
        if (plaintext.length < SALT_LENGTH) {
            throw new SpeanException(ErrorCode.COMMITMENT_MISMATCH, "the decrypted payload is shorter than its salt");
        }
        return new SaltedPayload(Arrays.copyOfRange(plaintext, 0, SALT_LENGTH),
                Arrays.copyOfRange(plaintext, SALT_LENGTH, plaintext.length));
    }

    /** True when this salt and payload are what the header committed to. */
    public boolean matches(byte[] commitment) {
        return PayloadCommitment.matches(commitment, salt, payload);
    }
}
