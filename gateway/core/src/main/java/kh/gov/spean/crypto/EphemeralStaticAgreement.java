package kh.gov.spean.crypto;

import java.io.IOException;
import java.security.Key;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInfoGenerator;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.util.Pack;

/**
 * The sender's half of ephemeral-static ECDH for one message and one recipient (RFC 5753 §3.1,
 * dhSinglePass-stdDH-sha256kdf-scheme), as a CMS RecipientInfo: a fresh ephemeral key pair, the shared secret, the key
 * encryption key from the X9.63 SHA-256 KDF over the ECC-CMS-SharedInfo (§7.2), and the content key wrapped with it
 * (AES-256 key wrap, RFC 3394): the structure Bouncy Castle's JCE generator writes, which OpenSSL opens
 * (EnvelopeOpenSslTest). What differs is the cost: the recipient's public point is a fixed point, so it is multiplied
 * with a comb table built once per certificate ({@link Recipient}), as Bouncy Castle does for the curve's generator,
 * rather than with a table rebuilt for every message.
 */
final class EphemeralStaticAgreement extends KeyAgreeRecipientInfoGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_ENCRYPTION_KEY_BITS = 256;

    /** What depends on the recipient's certificate only: its identifier and its point, with the point's comb table. */
    static final class Recipient {
        private final KeyAgreeRecipientIdentifier id;
        private final ECPublicKeyParameters key;

        Recipient(X509Certificate certificate) {
            try {
                Certificate structure = Certificate.getInstance(certificate.getEncoded());
                this.id = new KeyAgreeRecipientIdentifier(new IssuerAndSerialNumber(structure));
                this.key = (ECPublicKeyParameters) PublicKeyFactory.createKey(structure.getSubjectPublicKeyInfo());
            } catch (CertificateEncodingException | IOException | ClassCastException e) {
                throw new IllegalArgumentException("not an EC encryption certificate: "
                        + certificate.getSubjectX500Principal(), e);
            }
            FixedPointUtil.precompute(key.getQ());
        }
    }

    private final Recipient recipient;
    private final ECPrivateKeyParameters ephemeral;

    private EphemeralStaticAgreement(Recipient recipient, AsymmetricCipherKeyPair ephemeral) throws IOException {
        super(CryptoAlgorithms.KEY_AGREEMENT,
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(ephemeral.getPublic()), CryptoAlgorithms.KEY_WRAP);
        this.recipient = recipient;
        this.ephemeral = (ECPrivateKeyParameters) ephemeral.getPrivate();
    }

    /** A generator for one message to {@code recipient}, with an ephemeral key pair of its own. */
    static EphemeralStaticAgreement to(Recipient recipient) throws IOException {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(recipient.key.getParameters(), RANDOM));
        return new EphemeralStaticAgreement(recipient, generator.generateKeyPair());
    }

    @Override
    protected ASN1Sequence generateRecipientEncryptedKeys(AlgorithmIdentifier keyAgreeAlgorithm,
                                                          AlgorithmIdentifier keyEncryptionAlgorithm,
                                                          GenericKey contentEncryptionKey) throws CMSException {
        ECPoint shared = new FixedPointCombMultiplier().multiply(recipient.key.getQ(), ephemeral.getD()).normalize();
        if (shared.isInfinity()) {
            throw new CMSException("the key agreement gave the point at infinity");
        }
        try {
            byte[] sharedInfo = new ECCCMSSharedInfo(keyEncryptionAlgorithm, Pack.intToBigEndian(KEY_ENCRYPTION_KEY_BITS))
                    .getEncoded(ASN1Encoding.DER);
            KDF2BytesGenerator kdf = new KDF2BytesGenerator(SHA256Digest.newInstance());
            kdf.init(new KDFParameters(shared.getAffineXCoord().getEncoded(), sharedInfo));
            byte[] keyEncryptionKey = new byte[KEY_ENCRYPTION_KEY_BITS / 8];
            kdf.generateBytes(keyEncryptionKey, 0, keyEncryptionKey.length);
            RFC3394WrapEngine wrap = new RFC3394WrapEngine(AESEngine.newInstance());
            wrap.init(true, new KeyParameter(keyEncryptionKey));
            byte[] contentKey = keyBytes(contentEncryptionKey);
            return new DERSequence(new RecipientEncryptedKey(recipient.id,
                    new DEROctetString(wrap.wrap(contentKey, 0, contentKey.length))));
        } catch (IOException e) {
            throw new CMSException("cannot encode the key agreement's shared info", e);
        }
    }

    /** No user keying material (ukm): each message's ephemeral key already makes its key encryption key unique. */
    @Override
    protected byte[] getUserKeyingMaterial(AlgorithmIdentifier keyAgreeAlgorithm) {
        return null;
    }

    private static byte[] keyBytes(GenericKey key) throws CMSException {
        Object representation = key.getRepresentation();
        if (representation instanceof Key jceKey) {
            return jceKey.getEncoded();
        }
        if (representation instanceof KeyParameter parameter) {
            return parameter.getKey();
        }
        if (representation instanceof byte[] bytes) {
            return bytes;
        }
        throw new CMSException("unknown content key representation: " + representation.getClass().getName());
    }
}
