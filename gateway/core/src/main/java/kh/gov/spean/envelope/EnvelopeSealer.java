package kh.gov.spean.envelope;

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
 * the recipient, and signs the header that binds both (DESIGN.md, "Envelope").
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

    public SealedEnvelope seal(EnvelopeDraft draft, byte[] payload, X509Certificate recipientEncryptionCertificate) {
        byte[] salt = PayloadCommitment.newSalt();
        byte[] ciphertext = payloadSealer.seal(SaltedPayload.join(salt, payload), recipientEncryptionCertificate);
        Instant now = clock.instant();
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.CURRENT_VERSION, draft.id(), draft.correlationId(),
                draft.type(), keys.member(), draft.recipient(), draft.client(), draft.service(), now,
                now.plus(timeToLive), draft.schemaId(), draft.schemaSha256(),
                Digests.base64(PayloadCommitment.commit(salt, payload)), Digests.base64(Digests.sha256(ciphertext)),
                draft.requestHash(), draft.errorCode());
        byte[] headerBytes = EnvelopeCodec.encodeHeader(header);
        return new SealedEnvelope(new Envelope(headerBytes, header, signer.sign(headerBytes), ciphertext), salt);
    }
}
