package kh.gov.spean.error;

import static kh.gov.spean.error.ErrorOrigin.CLIENT;
import static kh.gov.spean.error.ErrorOrigin.SERVER;

/**
 * Spean's one error vocabulary. The same code is the {@code X-Road-Error} header, the RFC 9457 problem type and the
 * reason of a rejection, wherever a failure surfaces.
 */
public enum ErrorCode {
    // At the HTTP edge.
    MALFORMED_REQUEST(CLIENT, "malformed_request", 400, "The request is not well-formed"),
    METHOD_NOT_ALLOWED(CLIENT, "method_not_allowed", 405, "The node does not relay this HTTP method, or the service's OpenAPI description does not declare it on this path"),
    TARGET_TOO_LONG(CLIENT, "target_too_long", 414, "The request line is longer than the node reads"),
    HEADERS_TOO_LARGE(CLIENT, "headers_too_large", 431, "The request's headers are larger than the node reads"),
    UNKNOWN_CLIENT(CLIENT, "unknown_client", 400, "The X-Road-Client header is missing or names no subsystem of the federation"),
    UNKNOWN_SERVICE(CLIENT, "unknown_service", 404, "No such service in the federation configuration"),
    UNKNOWN_PATH(CLIENT, "unknown_path", 404, "The service's OpenAPI description declares no such path"),
    UNSUPPORTED_MEDIA_TYPE(CLIENT, "unsupported_media_type", 415, "The service's OpenAPI description does not declare this content type for the operation"),
    REQUEST_INVALID(CLIENT, "request_invalid", 400, "The call breaks the service's OpenAPI description: a parameter or header missing or invalid, or a required body missing"),
    ACCESS_DENIED(CLIENT, "access_denied", 403, "The client has no access right to this service"),
    PURPOSE_MISSING(CLIENT, "purpose_missing", 400, "The service holds personal data and the call declares no purpose (X-Spean-Purpose)"),
    OFFICIAL_MISSING(CLIENT, "official_missing", 400, "The service holds personal data and the call names no acting official (X-Road-UserId)"),
    PURPOSE_UNKNOWN(CLIENT, "purpose_unknown", 400, "The declared purpose is not in the federation's catalogue of purposes"),
    PURPOSE_NOT_GRANTED(CLIENT, "purpose_not_granted", 403, "The client's access right to this service does not grant the declared purpose"),
    SCHEMA_INVALID(CLIENT, "schema_invalid", 400, "The payload breaks its schema"),
    MALFORMED_JSON(CLIENT, "malformed_json", 400, "The payload is not JSON"),
    PAYLOAD_TOO_LARGE(CLIENT, "payload_too_large", 413, "The payload exceeds the maximum message size"),
    RATE_LIMITED(CLIENT, "rate_limited", 429, "The client sent more requests per second than its node allows"),
    NOT_THIS_NODE(CLIENT, "not_this_node", 403, "The client subsystem belongs to another member's node"),
    UNAUTHENTICATED(CLIENT, "unauthenticated", 401, "The caller is not authenticated: no client certificate where one is required, or no login or bearer token at the management port"),
    CLIENT_CERTIFICATE_NOT_REGISTERED(CLIENT, "client_certificate_not_registered", 403, "The client certificate is not registered at this node for the subsystem the call names"),
    CLIENT_CERTIFICATE_EXPIRED(CLIENT, "client_certificate_expired", 401, "The client certificate is outside its validity window"),

    // At the management port.
    ROLE_FORBIDDEN(CLIENT, "role_forbidden", 403, "The caller's role does not allow this"),
    HOST_NOT_ALLOWED(CLIENT, "host_not_allowed", 421, "The Host header names no address this port answers for"),

    // Envelopes arriving over Kafka.
    ENVELOPE_MALFORMED(CLIENT, "envelope_malformed", 400, "The envelope cannot be parsed"),
    SIGNATURE_INVALID(CLIENT, "signature_invalid", 400, "The envelope's signature does not verify"),
    SIGNER_UNTRUSTED(CLIENT, "signer_untrusted", 403, "The signer is not a member of the federation, or not the sender named in the header"),
    CERTIFICATE_EXPIRED(CLIENT, "certificate_expired", 403, "The signer's certificate is outside its validity window"),
    CERTIFICATE_REVOKED(CLIENT, "certificate_revoked", 403, "The signer's certificate is revoked"),
    WRONG_RECIPIENT(CLIENT, "wrong_recipient", 400, "The envelope is addressed to another member"),
    CIPHERTEXT_ALTERED(CLIENT, "ciphertext_altered", 400, "The encrypted payload does not match the digest in the signed header"),
    REPLAYED(CLIENT, "replayed", 409, "An envelope with this id was already received"),
    EXPIRED(CLIENT, "expired", 400, "The envelope is outside its time window (expired, or issued in the future)"),
    DECRYPTION_FAILED(CLIENT, "decryption_failed", 400, "The payload cannot be decrypted by this member"),
    COMMITMENT_MISMATCH(CLIENT, "commitment_mismatch", 400, "The decrypted payload does not match the commitment in the signed header"),
    SCHEMA_MISMATCH(CLIENT, "schema_mismatch", 400, "The envelope names a schema other than the one this service uses"),

    // A member's keys, between its node and the federation authority.
    CERTIFICATE_REQUEST_INVALID(CLIENT, "certificate_request_invalid", 400, "The certificate request cannot be read, is not for a P-256 key, or its signature does not verify"),
    CERTIFICATE_REQUEST_WRONG_SUBJECT(CLIENT, "certificate_request_wrong_subject", 403, "The certificate request names a subject other than the member and key it is for"),
    CERTIFICATE_MISMATCH(CLIENT, "certificate_mismatch", 400, "The certificate is not for the member's waiting key, or not issued by the federation authority"),

    // The serving side.
    UNKNOWN_MESSAGE(CLIENT, "unknown_message", 404, "This node accepted no one-way message with this id from this client"),
    UNKNOWN_ENTRY(CLIENT, "unknown_entry", 404, "This node's message log holds no such entry"),
    REQUEST_HASH_MISMATCH(SERVER, "request_hash_mismatch", 502, "The response is not bound to the request that was sent"),
    RESPONSE_SCHEMA_INVALID(SERVER, "response_schema_invalid", 502, "The provider's response breaks its schema or the service's OpenAPI description"),
    TIMEOUT(SERVER, "timeout", 504, "The provider did not answer in time"),
    NOT_DELIVERED(SERVER, "not_delivered", 504, "No receipt came back before the one-way message expired"),
    BACKEND_ERROR(SERVER, "backend_error", 502, "The provider's backend failed"),
    BACKEND_REFUSED(SERVER, "backend_refused", 502, "The provider's backend refused the message (HTTP 4xx); sending it again will not help"),
    BACKEND_UNAVAILABLE(SERVER, "backend_unavailable", 503, "The provider's backend cannot be reached"),
    BACKEND_TIMEOUT(SERVER, "backend_timeout", 504, "The provider's backend did not answer in time; it may have taken the message"),
    BACKEND_CONNECTION_LOST(SERVER, "backend_connection_lost", 502, "The provider's backend closed or reset the connection before it answered; it may have taken the message"),
    BACKEND_UNTRUSTED(SERVER, "backend_untrusted", 502, "The provider's backend presented a certificate its node does not trust; nothing was sent to it"),
    BACKEND_TLS_REFUSED(SERVER, "backend_tls_refused", 502, "The provider's backend refused its node's TLS connection (its client certificate); nothing was sent to it"),
    TRANSPORT_UNAVAILABLE(SERVER, "transport_unavailable", 503, "The message could not be handed to Kafka"),
    CONFIGURATION_INVALID(SERVER, "configuration_invalid", 500, "The federation configuration or node settings are invalid"),
    CRYPTO_FAILURE(SERVER, "crypto_failure", 500, "A cryptographic operation failed on this node"),
    CHECKPOINT_INCONSISTENT(SERVER, "checkpoint_inconsistent", 500, "A node published a checkpoint that does not extend its history"),
    INTERNAL(SERVER, "internal", 500, "Unexpected failure inside the node");

    private final ErrorOrigin origin;
    private final String name;
    private final int httpStatus;
    private final String title;

    ErrorCode(ErrorOrigin origin, String name, int httpStatus, String title) {
        this.origin = origin;
        this.name = name;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public ErrorOrigin origin() {
        return origin;
    }

    /** The code as it appears on the wire and in logs, e.g. {@code client.signature_invalid}. */
    public String code() {
        return origin.prefix() + "." + name;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    /**
     * True for a failure that may pass if the same message is sent again later (a backend down or failing, Kafka
     * unreachable, no answer in time); false for a refusal that will repeat, such as a schema violation.
     */
    public boolean isTransient() {
        return this == TIMEOUT || this == BACKEND_ERROR || this == BACKEND_UNAVAILABLE || this == BACKEND_TIMEOUT
                || this == BACKEND_CONNECTION_LOST || this == BACKEND_UNTRUSTED || this == BACKEND_TLS_REFUSED || this == TRANSPORT_UNAVAILABLE
                || this == INTERNAL;
    }

    /** The inverse of {@link #code()}; throws {@link IllegalArgumentException} for a code Spean does not define. */
    public static ErrorCode fromCode(String code) {
        for (ErrorCode candidate : values()) {
            if (candidate.code().equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown error code: " + code);
    }

    @Override
    public String toString() {
        return code();
    }
}
