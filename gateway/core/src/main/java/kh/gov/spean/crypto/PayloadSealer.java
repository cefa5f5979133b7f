package kh.gov.spean.crypto;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Seals bytes to a recipient's encryption certificate as CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM, the
 * content key wrapped by ephemeral-static ECDH P-256 (RFC 5753): a fresh key pair per message gives forward secrecy
 * against a later theft of the sender's keys. Thread-safe.
 */
public final class PayloadSealer {

    public byte[] seal(byte[] plaintext, X509Certificate recipientEncryptionCertificate) {
        try {
            KeyPair ephemeral = DevelopmentPki.newKeyPair();
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CryptoAlgorithms.KEY_AGREEMENT,
                    ephemeral.getPrivate(), ephemeral.getPublic(), CryptoAlgorithms.KEY_WRAP)
                    .addRecipient(recipientEncryptionCertificate)
                    .setProvider(BouncyCastle.provider()));
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                    CryptoAlgorithms.CONTENT_ENCRYPTION).setProvider(BouncyCastle.provider()).build();
            return generator.generate(new CMSProcessableByteArray(plaintext), encryptor).getEncoded();
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot seal the payload", e);
        }
    }
}
