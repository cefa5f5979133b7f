package kh.gov.spean.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import kh.gov.spean.crypto.PayloadCommitment;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The plaintext that is encrypted: the commitment's 32-byte salt, then the payload. The salt must stay secret
 * (a public salt would let anyone test guesses of a short payload such as {@code {"result":"match"}} against the
 * commitment), so it travels inside the ciphertext.
 */
public record SaltedPayload(byte[] salt, byte[] payload, RestFrame frame) {

    public static final int SALT_LENGTH = 32;

    /** A payload of the first layout: no REST frame. */
    public SaltedPayload(byte[] salt, byte[] payload) {
        this(salt, payload, null);
    }

    /** The salt, then the frame, then the body. */
    static byte[] join(byte[] salt, byte[] frame, byte[] body) {
        byte[] joined = join(salt, new byte[frame.length + body.length]);
        System.arraycopy(frame, 0, joined, SALT_LENGTH, frame.length);
        System.arraycopy(body, 0, joined, SALT_LENGTH + frame.length, body.length);
        return joined;
    }

    /** This payload, its rest read as a REST frame and the body after it. */
    SaltedPayload framed() {
        RestFrame.Framed framed = RestFrame.decode(payload);
        return new SaltedPayload(salt, framed.body(), framed.frame());
    }

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

    /** True when this salt and payload (the body, on a framed payload) are what the header committed to. */
    public boolean matches(byte[] commitment) {
        return PayloadCommitment.matches(commitment, salt, payload);
    }

    /** True when this salt and the frame's target are what the header committed to. */
    boolean targetMatches(byte[] commitment) {
        return PayloadCommitment.matches(commitment, salt, frame.target().getBytes(StandardCharsets.UTF_8));
    }
}
