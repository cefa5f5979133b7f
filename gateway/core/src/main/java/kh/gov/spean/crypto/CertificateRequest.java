package kh.gov.spean.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * A PKCS#10 certificate request (RFC 2986): the public key a member made on its own node and the name it asks a
 * certificate for, signed with the key's private half — proof that whoever sends it holds that key. PEM on disk, as
 * {@code openssl req -text} reads it.
 */
public final class CertificateRequest {

    private final JcaPKCS10CertificationRequest request;

    private CertificateRequest(PKCS10CertificationRequest request) {
        this.request = new JcaPKCS10CertificationRequest(request).setProvider(BouncyCastle.provider());
    }

    /** A request for {@code pair}'s public key under the federation's name form with {@code commonName}. */
    public static CertificateRequest create(KeyPair pair, String commonName) {
        try {
            return new CertificateRequest(new JcaPKCS10CertificationRequestBuilder(DevelopmentPki.subject(commonName),
                    pair.getPublic()).build(new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE)
                    .setProvider(BouncyCastle.provider()).build(pair.getPrivate())));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot make a certificate request for " + commonName, e);
        }
    }

    /** Reads one PEM {@code CERTIFICATE REQUEST}; anything else is CERTIFICATE_REQUEST_INVALID. */
    public static CertificateRequest parse(String pem) {
        Object read;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            read = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw invalid("not a PEM certificate request: " + e.getMessage());
        }
        if (!(read instanceof PKCS10CertificationRequest parsed)) {
            throw invalid("not a PEM certificate request");
        }
        return new CertificateRequest(parsed);
    }

    /** Reads the request a member sent, from its file. */
    public static CertificateRequest read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate request " + file, e);
        }
    }

    public String pem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(request);
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot write a certificate request", e);
        }
        return text.toString();
    }

    /** The common name the request asks for, or an empty string if it names none. */
    public String commonName() {
        RDN[] names = request.getSubject().getRDNs(BCStyle.CN);
        return names.length == 0 ? "" : IETFUtils.valueToString(names[0].getFirst().getValue());
    }

    /**
     * The requested public key, once the request's signature verifies with it and it is a P-256 key (the suite every
     * member uses); CERTIFICATE_REQUEST_INVALID otherwise.
     */
    public PublicKey verifiedPublicKey() {
        PublicKey key;
        boolean signed;
        try {
            key = request.getPublicKey();
            signed = request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.provider()).build(key));
        } catch (Exception e) {
            throw invalid("the request's key or signature cannot be read: " + e.getMessage());
        }
        if (!signed) {
            throw invalid("the request's signature does not verify with the key it carries");
        }
        ECNamedCurveParameterSpec p256 = ECNamedCurveTable.getParameterSpec(CryptoAlgorithms.CURVE);
        if (!(key instanceof ECPublicKey ec) || !ec.getParams().getCurve().getField().equals(
                new java.security.spec.ECFieldFp(p256.getCurve().getField().getCharacteristic()))
                || !ec.getParams().getOrder().equals(p256.getN())) {
            throw invalid("the request is not for a P-256 key");
        }
        return key;
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CERTIFICATE_REQUEST_INVALID, detail);
    }
}
