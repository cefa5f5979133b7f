package kh.gov.spean.crypto;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** A certificate authority: its key and certificate, and the certificates it issues to members and services. */
public record CertificateAuthority(PrivateKey key, X509Certificate certificate) {

    /** Certificates start a little in the past, so a node whose clock lags still accepts a fresh one. */
    static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate to sign envelopes and checkpoints with (RFC 5280 §4.2.1.3: digitalSignature, nonRepudiation). */
    public X509Certificate issueSigningCertificate(String commonName, PublicKey key, Duration validity) {
        Instant now = Instant.now();
        return issue(commonName, key, now.minus(BACKDATE), now.plus(validity),
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null);
    }

    /** A certificate for ECDH key agreement: what payloads are sealed to. */
    public X509Certificate issueEncryptionCertificate(String commonName, PublicKey key, Duration validity) {
        Instant now = Instant.now();
        return issue(commonName, key, now.minus(BACKDATE), now.plus(validity), new KeyUsage(KeyUsage.keyAgreement), null);
    }

    /** A timestamp authority's certificate: RFC 3161 §2.3 requires the critical timeStamping extended key usage. */
    public X509Certificate issueTimestampingCertificate(String commonName, PublicKey key, Duration validity) {
        Instant now = Instant.now();
        return issue(commonName, key, now.minus(BACKDATE), now.plus(validity), new KeyUsage(KeyUsage.digitalSignature),
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }

    /** A signing certificate valid only between the given instants: for tests of expired or not-yet-valid signers. */
    public X509Certificate issueSigningCertificate(String commonName, PublicKey key, Instant notBefore, Instant notAfter) {
        return issue(commonName, key, notBefore, notAfter, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                null);
    }

    private X509Certificate issue(String commonName, PublicKey subjectKey, Instant notBefore, Instant notAfter,
                                  KeyUsage usage, ExtendedKeyUsage extendedUsage) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate,
                    new BigInteger(128, RANDOM).setBit(127), Date.from(notBefore), Date.from(notAfter),
                    DevelopmentPki.subject(commonName), subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, usage)
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (extendedUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, extendedUsage);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE).setProvider(BouncyCastle.provider()).build(key)));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot issue a certificate for " + commonName, e);
        }
    }
}
