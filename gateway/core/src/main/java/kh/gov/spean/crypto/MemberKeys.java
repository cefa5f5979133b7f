package kh.gov.spean.crypto;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import kh.gov.spean.id.MemberId;

/** A member's two key pairs: one to sign what it sends, one to open what is sealed to it. Never leaves its node. */
public record MemberKeys(MemberId member, PrivateKey signingKey, X509Certificate signingCertificate,
                         PrivateKey encryptionKey, X509Certificate encryptionCertificate) {

    /** From a signing key pair read from its keystore and the current one of the member's decryption keys. */
    public static MemberKeys of(MemberId member, KeyStore.PrivateKeyEntry signing, DecryptionKeys.Key encryption) {
        return new MemberKeys(member, signing.getPrivateKey(), (X509Certificate) signing.getCertificate(),
                encryption.privateKey(), encryption.certificate());
    }
}
