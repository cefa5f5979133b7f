package kh.gov.spean.crypto;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Verifies a detached CMS SignedData over given bytes: one signer, its certificate included and issued by the trust
 * anchor, valid at the given instant, allowed to sign, and the signature sound. What depends only on the certificate
 * (the chain check, the converted certificate, the verifier) is computed once per certificate. Thread-safe.
 */
public final class DetachedSignatureVerifier {

    private static final int CACHE_LIMIT = 10_000;

    /** What a signer certificate yields once checked against the anchor, its validity read once (not parsed per message). */
    private record Signer(X509CertificateHolder holder, X509Certificate certificate, SignerInformationVerifier verifier,
                          Instant notBefore, Instant notAfter) {

        boolean isValidAt(Instant at) {
            return !at.isBefore(notBefore) && !at.isAfter(notAfter);
        }
    }

    private final X500Name anchorName;
    private final ContentVerifierProvider anchorVerifier;
    private final Map<ByteBuffer, Signer> signers = new ConcurrentHashMap<>();

    public DetachedSignatureVerifier(X509Certificate trustAnchor) {
        try {
            this.anchorName = X500Name.getInstance(trustAnchor.getSubjectX500Principal().getEncoded());
            this.anchorVerifier = new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.provider())
                    .build(trustAnchor.getPublicKey());
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "unusable trust anchor", e);
        }
    }

    /** Returns the signer's certificate; throws a coded exception naming what failed. */
    public X509Certificate verify(byte[] content, byte[] signature, Instant at) {
        SignerInformation signerInfo;
        X509CertificateHolder holder;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signerInfos = signed.getSignerInfos().getSigners();
            if (signerInfos.size() != 1) {
                throw new SpeanException(ErrorCode.SIGNATURE_INVALID, "expected one signer, found " + signerInfos.size());
            }
            signerInfo = signerInfos.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signerInfo.getSID());
            if (matches.isEmpty()) {
                throw new SpeanException(ErrorCode.SIGNER_UNTRUSTED, "the signature does not include its signer's certificate");
            }
            holder = matches.iterator().next();
        } catch (CMSException | RuntimeException e) {
            if (e instanceof SpeanException coded) {
                throw coded;
            }
            throw new SpeanException(ErrorCode.SIGNATURE_INVALID, "not a CMS SignedData signature");
        }
        Signer signer = signerOf(holder);
        if (!signer.isValidAt(at)) {
            throw new SpeanException(ErrorCode.CERTIFICATE_EXPIRED, "the signer's certificate is valid from "
                    + signer.notBefore() + " to " + signer.notAfter() + ", not at " + at);
        }
        try {
            if (!signerInfo.verify(signer.verifier())) {
                throw new SpeanException(ErrorCode.SIGNATURE_INVALID, "the signature does not match the signed bytes");
            }
        } catch (CMSException | RuntimeException e) {
            if (e instanceof SpeanException coded) {
                throw coded;
            }
            throw new SpeanException(ErrorCode.SIGNATURE_INVALID, "the signature does not verify: " + e.getMessage());
        }
        return signer.certificate();
    }

    private Signer signerOf(X509CertificateHolder holder) {
        ByteBuffer key;
        try {
            key = ByteBuffer.wrap(holder.getEncoded());
        } catch (java.io.IOException e) {
            throw new SpeanException(ErrorCode.SIGNATURE_INVALID, "unreadable signer certificate");
        }
        Signer cached = signers.get(key);
        if (cached != null) {
            return cached;
        }
        Signer checked = check(holder);
        if (signers.size() >= CACHE_LIMIT) {
            signers.clear();
        }
        signers.put(key, checked);
        return checked;
    }

    private Signer check(X509CertificateHolder holder) {
        try {
            if (!holder.getIssuer().equals(anchorName) || !holder.isSignatureValid(anchorVerifier)) {
                throw new SpeanException(ErrorCode.SIGNER_UNTRUSTED,
                        "the signer's certificate (" + holder.getSubject() + ") is not issued by the federation CA");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            boolean[] usage = certificate.getKeyUsage();
            if (usage == null || !usage[0]) {
                throw new SpeanException(ErrorCode.SIGNER_UNTRUSTED, "the signer's certificate is not for signing");
            }
            return new Signer(holder, certificate, new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastle.provider()).build(holder), holder.getNotBefore().toInstant(),
                    holder.getNotAfter().toInstant());
        } catch (SpeanException e) {
            throw e;
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.SIGNER_UNTRUSTED, "the signer's certificate cannot be checked: " + e.getMessage());
        }
    }
}
