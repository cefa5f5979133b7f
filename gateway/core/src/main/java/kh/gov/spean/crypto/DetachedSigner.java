package kh.gov.spean.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Signs bytes as a detached CMS SignedData (RFC 5652 §5) with ECDSA P-256 / SHA-256, the signer certificate included,
 * so that {@code openssl cms -verify -content} checks it with the federation CA alone. Bouncy Castle's own ECDSA
 * with the key converted once, not the JCA's (a provider look-up and a key translation per signature). Thread-safe.
 */
public final class DetachedSigner {

    private static final AlgorithmIdentifier SIGNATURE =
            new DefaultSignatureAlgorithmIdentifierFinder().find(CryptoAlgorithms.SIGNATURE);
    private static final AlgorithmIdentifier DIGEST = new DefaultDigestAlgorithmIdentifierFinder().find(SIGNATURE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AsymmetricKeyParameter key;
    private final X509CertificateHolder certificate;
    private final DigestCalculatorProvider digests = new BcDigestCalculatorProvider();

    public DetachedSigner(PrivateKey key, X509Certificate certificate) {
        try {
            this.key = PrivateKeyFactory.createKey(key.getEncoded());
            this.certificate = new JcaX509CertificateHolder(certificate);
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot prepare a signer", e);
        }
    }

    /** The DER-encoded SignedData, content not encapsulated. */
    public byte[] sign(byte[] content) {
        try {
            // A ContentSigner holds a running signature: one per call, the key, certificate and digests are shared.
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(digests).build(
                    new BcECContentSignerBuilder(SIGNATURE, DIGEST).setSecureRandom(RANDOM).build(key), certificate));
            generator.addCertificate(certificate);
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot sign", e);
        }
    }
}
