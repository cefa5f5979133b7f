package kh.gov.spean.envelope;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;

/**
 * Checks that an envelope is what its header says: signed by the sender member's registered signing certificate
 * (chained to the federation CA, valid now, not revoked), over the exact header bytes, and that the ciphertext is the one the
 * header names. Nothing is decrypted before this passes.
 */
public final class EnvelopeVerifier {

    private final Federation federation;
    private final DetachedSignatureVerifier signatures;

    public EnvelopeVerifier(Federation federation, X509Certificate trustAnchor) {
        this.federation = federation;
        this.signatures = new DetachedSignatureVerifier(trustAnchor);
    }

    /** Returns the signer's certificate, for the message log's reference to it. */
    public X509Certificate verify(Envelope envelope, Instant now) {
        X509Certificate signer = signatures.verify(envelope.headerBytes(), envelope.signature(), now);
        federation.revocation(signer).ifPresent(revoked -> {
            throw new SpeanException(ErrorCode.CERTIFICATE_REVOKED, "the signer's certificate (" + revoked.subject()
                    + ") was revoked at " + revoked.revokedAt() + ": " + revoked.reason());
        });
        EnvelopeHeader header = envelope.header();
        Federation.Member sender = federation.member(header.sender()).orElseThrow(() -> new SpeanException(
                ErrorCode.SIGNER_UNTRUSTED, "the sender " + header.sender() + " is not a member of the federation"));
        if (!sender.signsWith(signer)) {
            throw new SpeanException(ErrorCode.SIGNER_UNTRUSTED,
                    "the envelope is not signed with a registered signing certificate of " + header.sender());
        }
        byte[] digest = Digests.sha256(envelope.ciphertext());
        if (!MessageDigest.isEqual(digest, decode(header.ciphertextSha256()))) {
            throw new SpeanException(ErrorCode.CIPHERTEXT_ALTERED,
                    "the ciphertext's SHA-256 differs from the one in the signed header");
        }
        return signer;
    }

    private static byte[] decode(String base64) {
        try {
            return Digests.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.ENVELOPE_MALFORMED, "the header's ciphertext digest is not base64");
        }
    }
}
