package kh.gov.spean.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A log checkpoint in the C2SP {@code tlog-checkpoint} text form: the log's origin, its size and its root hash, one per
 * line, each ending in a newline. The node signs these exact bytes.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("invalid checkpoint origin");
        }
        if (size < 0 || root == null || root.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("invalid checkpoint size or root");
        }
    }

    public byte[] text() {
        return (origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Parses the text form; throws {@link IllegalArgumentException} on anything else. */
    public static Checkpoint parse(byte[] text) {
        String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is three lines, each ending in a newline");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }
}
