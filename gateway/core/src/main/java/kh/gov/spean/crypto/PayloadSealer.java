package kh.gov.spean.crypto;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.operator.OutputAEADEncryptor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Seals bytes to a recipient's encryption certificate as CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM, the
 * content key wrapped by ephemeral-static ECDH P-256 (RFC 5753): a fresh key pair per message gives forward secrecy
 * against a later theft of the sender's keys. What depends on a recipient's certificate only is prepared once per
 * certificate (the federation's encryption certificates: a handful per member). Thread-safe.
 */
public final class PayloadSealer {

    private final Map<X509Certificate, EphemeralStaticAgreement.Recipient> recipients = new ConcurrentHashMap<>();

    public byte[] seal(byte[] plaintext, X509Certificate recipientEncryptionCertificate) {
        EphemeralStaticAgreement.Recipient recipient;
        try {
            recipient = recipients.computeIfAbsent(recipientEncryptionCertificate, EphemeralStaticAgreement.Recipient::new);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot seal the payload: " + e.getMessage(), e);
        }
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(EphemeralStaticAgreement.to(recipient));
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                    CryptoAlgorithms.CONTENT_ENCRYPTION).setProvider(BouncyCastle.provider()).build();
            return generator.generate(new CMSProcessableByteArray(plaintext), encryptor).getEncoded();
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot seal the payload", e);
        }
    }
}
