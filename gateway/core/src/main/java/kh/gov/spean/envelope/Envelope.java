package kh.gov.spean.envelope;

/**
 * One envelope as it travels: the header's signed bytes carried verbatim (as JWS carries its protected header), the
 * parsed header, the detached CMS signature over those bytes, and the sealed payload (CMS AuthEnvelopedData).
 */
public record Envelope(byte[] headerBytes, EnvelopeHeader header, byte[] signature, byte[] ciphertext) {
}
