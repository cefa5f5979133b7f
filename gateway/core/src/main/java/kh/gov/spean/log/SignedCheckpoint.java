package kh.gov.spean.log;

import java.util.List;

/**
 * A checkpoint with its detached CMS signature by the node and its RFC 3161 timestamp response (both DER), and the
 * RFC 9162 consistency proof from the checkpoint before it, so a witness can check this one extends that one.
 */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] signature, byte[] timestamp, long previousSize,
                               List<byte[]> consistencyFromPrevious) {
}
