package kh.gov.spean.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Signs bytes as a detached CMS SignedData (RFC 5652 §5) with ECDSA P-256 / SHA-256, the signer certificate included,
 * so that {@code openssl cms -verify -content} checks it with the federation CA alone. Thread-safe.
 */
public final class DetachedSigner {

    private final PrivateKey key;
    private final X509Certificate signerCertificate;
    private final X509CertificateHolder certificate;
    private final DigestCalculatorProvider digests;

    public DetachedSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.signerCertificate = certificate;
        try {
            this.certificate = new JcaX509CertificateHolder(certificate);
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider()).build();
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot prepare a signer", e);
        }
    }

    /** The certificate every signature of this signer names. */
    public X509Certificate certificate() {
        return signerCertificate;
    }

    /** The DER-encoded SignedData, content not encapsulated. */
    public byte[] sign(byte[] content) {
        try {
            // A ContentSigner holds a running Signature: one per call, the certificate holder and digests are shared.
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests).build(
                    new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE).setProvider(BouncyCastle.provider()).build(key),
                    certificate));
            generator.addCertificate(certificate);
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot sign", e);
        }
    }
}
