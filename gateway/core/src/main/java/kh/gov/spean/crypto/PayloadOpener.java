package kh.gov.spean.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Opens CMS AuthEnvelopedData sealed to one of this member's encryption certificates, current or kept after a
 * rotation; any failure is DECRYPTION_FAILED. Thread-safe.
 */
public final class PayloadOpener {

    private final DecryptionKeys keys;

    public PayloadOpener(DecryptionKeys keys) {
        this.keys = keys;
    }

    public PayloadOpener(PrivateKey encryptionKey, X509Certificate encryptionCertificate) {
        this(DecryptionKeys.of(encryptionKey, encryptionCertificate));
    }

    public byte[] open(byte[] authEnvelopedDer) {
        CMSAuthEnvelopedData enveloped;
        try {
            enveloped = new CMSAuthEnvelopedData(authEnvelopedDer);
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.DECRYPTION_FAILED, "the payload is not CMS AuthEnvelopedData");
        }
        RecipientInformationStore recipients = enveloped.getRecipientInfos();
        DecryptionKeys.Key key = keyFor(recipients);
        if (key == null) {
            // Look again at what is loaded once the keystore has been re-read if it changed — by this call or, since
            // this one looked, by another: a consumer beside this one may have taken the reload a rotation needed.
            keys.reloadIfChanged();
            key = keyFor(recipients);
        }
        if (key == null) {
            throw new SpeanException(ErrorCode.DECRYPTION_FAILED, "the payload is not sealed to this member");
        }
        try {
            return recipients.get(key.recipientId())
                    .getContent(new JceKeyAgreeEnvelopedRecipient(key.privateKey()).setProvider(BouncyCastle.provider()));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.DECRYPTION_FAILED, "the payload cannot be decrypted (tag or key mismatch)");
        }
    }

    private DecryptionKeys.Key keyFor(RecipientInformationStore recipients) {
        for (DecryptionKeys.Key key : keys.keys()) {
            RecipientInformation recipient = recipients.get(key.recipientId());
            if (recipient != null) {
                return key;
            }
        }
        return null;
    }
}
