package kh.gov.spean.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 and SHA-512, and the text forms Spean writes digests in (hex for schemas and logs, base64 in headers). */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    public static byte[] sha512(byte[] data) {
        return digest("SHA-512", data);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes standard base64; throws {@link IllegalArgumentException} on anything else. */
    public static byte[] fromBase64(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing base64 value");
        }
        return Base64.getDecoder().decode(text);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }
}
