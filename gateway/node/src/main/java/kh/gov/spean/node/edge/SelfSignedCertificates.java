package kh.gov.spean.node.edge;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import kh.gov.spean.crypto.BouncyCastle;
import kh.gov.spean.crypto.CryptoAlgorithms;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Makes the edge's self-signed certificates with fresh P-256 keys: the node's TLS server certificate and development
 * client certificates. Both are pinned (the server's by the clients that trust it, a client's by its fingerprint in
 * the node's client registry), so no chain of authority is needed, as with X-Road's internal TLS certificate.
 */
public final class SelfSignedCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    /** A TLS server certificate naming {@code host} and the loopback names, for {@code serverAuth}. */
    public static TlsCredential server(String commonName, String host, Instant notBefore, Instant notAfter) {
        Set<String> names = new LinkedHashSet<>(List.of(host, "localhost", "127.0.0.1", "::1"));
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(isAddress(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        return issue(commonName, notBefore, notAfter, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(alternatives.toArray(GeneralName[]::new)));
    }

    /** A TLS client certificate for a subsystem's system, for {@code clientAuth}. */
    public static TlsCredential client(String commonName, Instant notBefore, Instant notAfter) {
        return issue(commonName, notBefore, notAfter, KeyPurposeId.id_kp_clientAuth, null);
    }

    private static TlsCredential issue(String commonName, Instant notBefore, Instant notAfter, KeyPurposeId purpose,
                                          GeneralNames alternativeNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(CryptoAlgorithms.KEY_ALGORITHM, BouncyCastle.provider());
            generator.initialize(new ECGenParameterSpec(CryptoAlgorithms.CURVE), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.O, "Spean edge").build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(128, RANDOM).setBit(127), Date.from(notBefore), Date.from(notAfter), subject,
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE).setProvider(BouncyCastle.provider())
                            .build(pair.getPrivate())));
            return new TlsCredential(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | java.io.IOException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot make a certificate for " + commonName, e);
        }
    }

    /** Whether a certificate's subject alternative names include {@code host} (as a name or an address). */
    static boolean names(X509Certificate certificate, String host) {
        try {
            java.util.Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names != null && names.stream().anyMatch(name -> host.equalsIgnoreCase(String.valueOf(name.get(1))));
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    private static boolean isAddress(String name) {
        if (name.contains(":")) {
            return true;
        }
        if (!name.matches("[0-9.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
