package kh.gov.spean.envelope;

/**
 * An envelope just sealed, with the salt of its payload commitment: the sender may keep salt and plaintext to prove
 * later, to an auditor, exactly what it said.
 */
public record SealedEnvelope(Envelope envelope, byte[] salt) {
}
