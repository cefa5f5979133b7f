package kh.gov.spean.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Generates P-256 key pairs (on the node that keeps them) and the development federation root CA. */
public final class DevelopmentPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevelopmentPki() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(CryptoAlgorithms.KEY_ALGORITHM, BouncyCastle.provider());
            generator.initialize(new ECGenParameterSpec(CryptoAlgorithms.CURVE), RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot generate a P-256 key pair", e);
        }
    }

    /**
     * A self-signed root: it issues certificates (keyCertSign, cRLSign) and, as the federation authority, signs the
     * federation configuration (digitalSignature; decision 0004).
     */
    public static CertificateAuthority newRootCa(String commonName, Duration validity) {
        KeyPair pair = newKeyPair();
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X500Name name = subject(commonName);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(128, RANDOM).setBit(127), Date.from(now.minus(CertificateAuthority.BACKDATE)),
                    Date.from(now.plus(validity)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE)
                            .setProvider(BouncyCastle.provider()).build(pair.getPrivate()))));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot create the root CA " + commonName, e);
        }
    }

    /**
     * A self-signed certificate for a key made on a member's node: it stands in, in the keystore, until the authority's
     * certificate for that key comes back (a PKCS#12 key entry must carry a certificate). Nobody trusts it.
     */
    public static X509Certificate selfSigned(KeyPair pair, String commonName, Duration validity) {
        Instant now = Instant.now();
        X500Name name = subject(commonName + " (awaiting its certificate)");
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    new BigInteger(128, RANDOM).setBit(127), Date.from(now.minus(CertificateAuthority.BACKDATE)),
                    Date.from(now.plus(validity)), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .build(new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE).setProvider(BouncyCastle.provider())
                            .build(pair.getPrivate())));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot self-sign a certificate for " + commonName, e);
        }
    }

    static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "KH")
                .addRDN(BCStyle.O, "Spean development federation")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
