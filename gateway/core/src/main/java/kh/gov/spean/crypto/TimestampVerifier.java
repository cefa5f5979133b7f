package kh.gov.spean.crypto;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Checks an RFC 3161 response over some bytes: granted, imprint = SHA-256 of the bytes, token signed by a TSA whose
 * certificate the trust anchor issued for time-stamping. Returns the time it attests.
 */
public final class TimestampVerifier {

    private final X509Certificate trustAnchor;

    public TimestampVerifier(X509Certificate trustAnchor) {
        this.trustAnchor = trustAnchor;
    }

    public Instant verify(byte[] data, byte[] timestampResponse) {
        try {
            TimeStampResponse response = new TimeStampResponse(timestampResponse);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw invalid("the response grants no token (status " + response.getStatus() + ")");
            }
            if (!MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), Digests.sha256(data))) {
                throw invalid("the token is for other bytes");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> signers = token.getCertificates().getMatches(token.getSID());
            if (signers.isEmpty()) {
                throw invalid("the token does not include its TSA certificate");
            }
            X509CertificateHolder tsa = signers.iterator().next();
            if (!tsa.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.provider())
                    .build(trustAnchor.getPublicKey()))) {
                throw invalid("the TSA certificate is not issued by the federation CA");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(tsa);
            if (certificate.getExtendedKeyUsage() == null
                    || !certificate.getExtendedKeyUsage().contains(KeyPurposeId.id_kp_timeStamping.getId())) {
                throw invalid("the TSA certificate is not for time-stamping");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.provider()).build(tsa));
            return token.getTimeStampInfo().getGenTime().toInstant();
        } catch (SpeanException e) {
            throw e;
        } catch (Exception e) {
            throw invalid("the timestamp does not verify: " + e.getMessage());
        }
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.SIGNATURE_INVALID, detail);
    }
}
