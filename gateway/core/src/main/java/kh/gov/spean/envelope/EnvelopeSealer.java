package kh.gov.spean.envelope;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.PayloadCommitment;
import kh.gov.spean.crypto.PayloadSealer;

/**
 * Seals a payload into a signed envelope: commits to the plaintext with a fresh salt, encrypts salt and plaintext to
 * the recipient, and signs the header that binds both (docs/decisions/0001).
 */
public final class EnvelopeSealer {

    private final MemberKeys keys;
    private final DetachedSigner signer;
    private final PayloadSealer payloadSealer = new PayloadSealer();
    private final Clock clock;
    private final Duration timeToLive;

    public EnvelopeSealer(MemberKeys keys, Clock clock, Duration timeToLive) {
        this.keys = keys;
        this.signer = new DetachedSigner(keys.signingKey(), keys.signingCertificate());
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /** Seals a payload of the first layout: the plaintext is the body alone (one-way receipts, errors, events). */
    public SealedEnvelope seal(EnvelopeDraft draft, byte[] payload, X509Certificate recipientEncryptionCertificate) {
        if (draft.rest() != null) {
            throw new IllegalArgumentException("a draft with REST fields is sealed with its frame");
        }
        byte[] salt = PayloadCommitment.newSalt();
        return seal(draft, salt, payload, SaltedPayload.join(salt, payload), recipientEncryptionCertificate);
    }

    /**
     * Seals an X-Road REST message: the frame (target, headers) and the body, encrypted together; the signed header
     * commits to the body and to the target separately, so either can be proved later without the other.
     */
    public SealedEnvelope seal(EnvelopeDraft draft, RestFrame frame, byte[] body,
                               X509Certificate recipientEncryptionCertificate) {
        if (draft.rest() == null) {
            throw new IllegalArgumentException("a REST frame needs a draft with REST fields");
        }
        byte[] salt = PayloadCommitment.newSalt();
        RestFields fields = draft.rest();
        if (draft.type() == EnvelopeType.REQUEST || draft.type() == EnvelopeType.EVENT) {
            fields = fields.withTargetCommitment(Digests.base64(
                    PayloadCommitment.commit(salt, frame.target().getBytes(StandardCharsets.UTF_8))));
        }
        return seal(draft.withRest(fields), salt, body, SaltedPayload.join(salt, frame.encode(), body),
                recipientEncryptionCertificate);
    }

    private SealedEnvelope seal(EnvelopeDraft draft, byte[] salt, byte[] payload, byte[] plaintext,
                                X509Certificate recipientEncryptionCertificate) {
        byte[] ciphertext = payloadSealer.seal(plaintext, recipientEncryptionCertificate);
        Instant now = clock.instant();
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.CURRENT_VERSION, draft.id(), draft.correlationId(),
                draft.type(), keys.member(), draft.recipient(), draft.client(), draft.service(), now,
                now.plus(timeToLive), draft.schemaId(), draft.schemaSha256(),
                Digests.base64(PayloadCommitment.commit(salt, payload)), Digests.base64(Digests.sha256(ciphertext)),
                draft.requestHash(), draft.errorCode(), draft.rest());
        byte[] headerBytes = EnvelopeCodec.encodeHeader(header);
        return new SealedEnvelope(new Envelope(headerBytes, header, signer.sign(headerBytes), ciphertext), salt);
    }
}
