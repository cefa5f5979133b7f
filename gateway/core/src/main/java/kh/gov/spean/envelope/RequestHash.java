package kh.gov.spean.envelope;

import kh.gov.spean.crypto.Digests;

/**
 * The request hash a response carries ({@code X-Road-Request-Hash} semantics): base64 SHA-512 of the request's signed
 * header bytes. The header holds the ciphertext digest and the payload commitment, so the hash binds the whole request.
 */
public final class RequestHash {

    private RequestHash() {
    }

    public static String of(Envelope request) {
        return Digests.base64(Digests.sha512(request.headerBytes()));
    }
}
