package kh.gov.spean.federation;

import java.security.PublicKey;
import java.time.Duration;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.CertificateRequest;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * The federation authority's half of a member's keys: a certificate for each of the member's requests, once each
 * request proves it holds its key (its signature verifies) and asks for this member's name for that kind of key. The
 * authority sees public keys only; the subject it certifies is the one it names itself, never copied from the request.
 */
public final class MemberCertificateIssuer {

    static final Duration MEMBER_CERTIFICATE_VALIDITY = Duration.ofDays(730);

    private final CertificateAuthority ca;

    public MemberCertificateIssuer(CertificateAuthority ca) {
        this.ca = ca;
    }

    /**
     * Both certificates, or a coded refusal: CERTIFICATE_REQUEST_INVALID for a request that does not parse, is not
     * signed by its own key or is not for a P-256 key, or two requests for one key; CERTIFICATE_REQUEST_WRONG_SUBJECT for a
     * request naming another member or the other kind of key.
     */
    public MemberCertificates issue(MemberId member, CertificateRequest signing, CertificateRequest encryption) {
        PublicKey signingKey = checked(member, KeyRole.SIGNING, signing);
        PublicKey encryptionKey = checked(member, KeyRole.ENCRYPTION, encryption);
        if (signingKey.equals(encryptionKey)) {
            throw new SpeanException(ErrorCode.CERTIFICATE_REQUEST_INVALID, "the signing and encryption requests of "
                    + member + " are for the same key: each kind needs its own key pair");
        }
        return new MemberCertificates(
                ca.issueSigningCertificate(KeyRole.SIGNING.commonName(member), signingKey, MEMBER_CERTIFICATE_VALIDITY),
                ca.issueEncryptionCertificate(KeyRole.ENCRYPTION.commonName(member), encryptionKey,
                        MEMBER_CERTIFICATE_VALIDITY));
    }

    private static PublicKey checked(MemberId member, KeyRole role, CertificateRequest request) {
        PublicKey key = request.verifiedPublicKey();
        if (!request.commonName().equals(role.commonName(member))) {
            throw new SpeanException(ErrorCode.CERTIFICATE_REQUEST_WRONG_SUBJECT, "the " + role.alias() + " request asks"
                    + " for '" + request.commonName() + "'; a " + role.alias() + " certificate of " + member + " is for '"
                    + role.commonName(member) + "'");
        }
        return key;
    }
}
