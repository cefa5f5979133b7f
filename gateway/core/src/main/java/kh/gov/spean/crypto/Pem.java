package kh.gov.spean.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** PEM text for certificates and (PKCS#8) private keys, the forms OpenSSL reads. */
public final class Pem {

    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** PKCS#8, the unencrypted "private key" PEM block: OpenSSL refuses a SEC1 EC key that does not name its curve. */
    public static String privateKeyPkcs8(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /**
     * An unencrypted PKCS#8 private key, as the JDK's own providers hold it (its TLS stack does not take Bouncy
     * Castle's key objects); anything else is refused with a hint to convert it.
     */
    public static PrivateKey parsePrivateKeyPkcs8(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (!(parser.readObject() instanceof PrivateKeyInfo info)) {
                throw new IllegalArgumentException("the key must be an unencrypted PKCS#8 PEM block; convert it with "
                        + "'openssl pkcs8 -topk8 -nocrypt'");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM private key: " + e.getMessage(), e);
        }
    }

    public static X509Certificate parseCertificate(String pem) {
        List<X509Certificate> certificates = parseCertificates(pem);
        if (certificates.size() != 1) {
            throw new IllegalArgumentException("expected one certificate, found " + certificates.size());
        }
        return certificates.get(0);
    }

    public static List<X509Certificate> parseCertificates(String pem) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .forEach(certificate -> certificates.add((X509Certificate) certificate));
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + MIME.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
