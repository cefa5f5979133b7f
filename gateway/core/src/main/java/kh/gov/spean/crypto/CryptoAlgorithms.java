package kh.gov.spean.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;

/**
 * The algorithm suite, named once. ECDSA P-256 with SHA-256 for signatures and ECDH P-256 (ephemeral-static,
 * SHA-256 KDF) with AES-256 key wrap and AES-256-GCM for payloads: what OpenSSL 3 verifies and decrypts
 * (checked with OpenSSL 3.0; Ed25519 CMS is not verifiable there).
 */
public final class CryptoAlgorithms {

    public static final String KEY_ALGORITHM = "EC";
    public static final String CURVE = "secp256r1";
    public static final String SIGNATURE = "SHA256withECDSA";
    /** RFC 5753 §7.1.4 dhSinglePass-stdDH-sha256kdf-scheme: ephemeral-static ECDH with the X9.63 KDF over SHA-256. */
    public static final ASN1ObjectIdentifier KEY_AGREEMENT = CMSAlgorithm.ECDH_SHA256KDF;
    public static final ASN1ObjectIdentifier KEY_WRAP = CMSAlgorithm.AES256_WRAP;
    /** RFC 5084 AES-GCM in CMS AuthEnvelopedData (RFC 5083). */
    public static final ASN1ObjectIdentifier CONTENT_ENCRYPTION = CMSAlgorithm.AES256_GCM;

    private CryptoAlgorithms() {
    }
}
