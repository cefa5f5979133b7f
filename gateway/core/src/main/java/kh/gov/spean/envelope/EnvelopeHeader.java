package kh.gov.spean.envelope;

import java.time.Instant;
import java.util.Objects;

import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaId;

/**
 * The signed header of an envelope. It names who sent what to whom and when, and binds the payload without holding
 * it: the SHA-256 of the ciphertext and a salted SHA-256 commitment to the plaintext. So a log entry holding only the
 * header and its signature still proves the exchange.
 *
 * @param sender            the member whose signing key signed this envelope
 * @param recipient         the member whose encryption certificate the payload is sealed to
 * @param client            the client subsystem of the exchange (on answers too: the exchange's client; on an event:
 *                          the subscriber the copy is for)
 * @param schemaSha256      hex SHA-256 of the exact schema file the payload was validated against
 * @param payloadCommitment base64 SHA-256(salt || plaintext); the 32-byte salt travels encrypted, before the plaintext
 * @param ciphertextSha256  base64 SHA-256 of the CMS AuthEnvelopedData bytes
 * @param correlationId     the request an answer answers; on an event copy, the publication all copies share
 * @param requestHash       on responses, receipts and errors: base64 SHA-512 of the request's signed header bytes
 * @param errorCode         on errors: the Spean error code
 * @param rest              on requests and responses of the X-Road REST layout: method or status, the X-Road headers
 *                          to prove, the commitment to the target (decision 0046); null on the first layout (the
 *                          plaintext is the body alone), which stays readable
 */
public record EnvelopeHeader(
        int version,
        EnvelopeId id,
        EnvelopeId correlationId,
        EnvelopeType type,
        MemberId sender,
        MemberId recipient,
        SubsystemId client,
        ServiceId service,
        Instant issuedAt,
        Instant expiresAt,
        SchemaId schemaId,
        String schemaSha256,
        String payloadCommitment,
        String ciphertextSha256,
        String requestHash,
        String errorCode,
        RestFields rest) {

    public static final int CURRENT_VERSION = 1;

    public EnvelopeHeader {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported envelope version " + version);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(ciphertextSha256, "ciphertextSha256");
        Objects.requireNonNull(payloadCommitment, "payloadCommitment");
        if (type != EnvelopeType.ERROR && type != EnvelopeType.RECEIPT) {
            Objects.requireNonNull(schemaId, "schemaId");
            Objects.requireNonNull(schemaSha256, "schemaSha256");
        }
        if (type.answersARequest()) {
            Objects.requireNonNull(requestHash, "requestHash");
        }
        if (type == EnvelopeType.ERROR) {
            Objects.requireNonNull(errorCode, "errorCode");
        }
        if (rest != null && type == EnvelopeType.REQUEST) {
            Objects.requireNonNull(rest.method(), "rest.method");
            Objects.requireNonNull(rest.targetCommitment(), "rest.targetCommitment");
        }
        if (rest != null && type == EnvelopeType.RESPONSE) {
            Objects.requireNonNull(rest.status(), "rest.status");
        }
    }
}
