package kh.gov.spean.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Opens CMS AuthEnvelopedData sealed to this member's encryption certificate; any failure is DECRYPTION_FAILED. Thread-safe. */
public final class PayloadOpener {

    private final PrivateKey encryptionKey;
    private final JceKeyAgreeRecipientId recipientId;

    public PayloadOpener(PrivateKey encryptionKey, X509Certificate encryptionCertificate) {
        this.encryptionKey = encryptionKey;
        this.recipientId = new JceKeyAgreeRecipientId(encryptionCertificate);
    }

    public byte[] open(byte[] authEnvelopedDer) {
        CMSAuthEnvelopedData enveloped;
        try {
            enveloped = new CMSAuthEnvelopedData(authEnvelopedDer);
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.DECRYPTION_FAILED, "the payload is not CMS AuthEnvelopedData");
        }
        RecipientInformation recipient = enveloped.getRecipientInfos().get(recipientId);
        if (recipient == null) {
            throw new SpeanException(ErrorCode.DECRYPTION_FAILED, "the payload is not sealed to this member");
        }
        try {
            return recipient.getContent(new JceKeyAgreeEnvelopedRecipient(encryptionKey).setProvider(BouncyCastle.provider()));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.DECRYPTION_FAILED, "the payload cannot be decrypted (tag or key mismatch)");
        }
    }
}
