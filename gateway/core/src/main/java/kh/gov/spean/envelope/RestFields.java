package kh.gov.spean.envelope;

import java.util.Set;

/**
 * What an envelope's signed header says of the X-Road REST message it carries (decision 0046): the method of a request
 * or the status of an answer, the X-Road headers a log must prove, and a salted commitment to the request target. The
 * target itself (path and query), the other headers and the body travel only inside the ciphertext ({@link RestFrame}).
 * A header without these fields is an envelope of the first layout: its plaintext is the body alone.
 *
 * @param method           on a request: the HTTP method, e.g. {@code GET}
 * @param status           on a response: the provider's HTTP status
 * @param messageId        {@code X-Road-Id}: the client's own when it gave one, else the request envelope's id
 * @param requestId        {@code X-Road-Request-Id}: the node's unique id of the request
 * @param userId           {@code X-Road-UserId}, as the client sent it, or null
 * @param issue            {@code X-Road-Issue}, as the client sent it, or null
 * @param representedParty {@code X-Road-Represented-Party}, as the client sent it, or null
 * @param purpose          the purpose code the client declared for the call (from the federation's purposes), or null
 * @param targetCommitment on a request: base64 SHA-256(salt || target), the target in UTF-8 as the client sent it
 */
public record RestFields(String method, Integer status, String messageId, String requestId, String userId,
                         String issue, String representedParty, String purpose, String targetCommitment) {

    /** The methods X-Road's REST protocol relays; TRACE and CONNECT are not relayed. */
    public static final Set<String> METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    public RestFields {
        if (method != null && !METHODS.contains(method)) {
            throw new IllegalArgumentException("method " + method + " is not relayed: " + METHODS);
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("HTTP status " + status + " is outside 100..599");
        }
    }

    public static RestFields request(String method, String messageId, String requestId, String userId, String issue,
                                     String representedParty, String purpose) {
        return new RestFields(method, null, messageId, requestId, userId, issue, representedParty, purpose, null);
    }

    public static RestFields response(int status, RestFields request) {
        return new RestFields(null, status, request.messageId(), request.requestId(), null, null, null, null, null);
    }

    /** These fields with the message id the answer will carry, when the client gave none. */
    public RestFields withMessageId(String id) {
        return new RestFields(method, status, id, requestId, userId, issue, representedParty, purpose, targetCommitment);
    }

    RestFields withTargetCommitment(String commitment) {
        return new RestFields(method, status, messageId, requestId, userId, issue, representedParty, purpose, commitment);
    }
}
