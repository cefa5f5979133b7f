package kh.gov.spean.log;

/** A checkpoint with its detached CMS signature by the node and its RFC 3161 timestamp response (both DER). */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] signature, byte[] timestamp) {
}
