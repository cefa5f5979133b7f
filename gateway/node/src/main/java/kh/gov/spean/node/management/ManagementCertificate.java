package kh.gov.spean.node.management;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import kh.gov.spean.crypto.BouncyCastle;
import kh.gov.spean.crypto.CryptoAlgorithms;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The management port's TLS certificate and key, as PEM files: the operator's own (a certificate from the ministry's
 * PKI), or, when there are none, a self-signed P-256 certificate the node makes on its first start in
 * {@code DATA/<member>/management/} (for localhost, 127.0.0.1, ::1 and the management host), which curl and
 * Prometheus then trust as their CA file.
 *
 * @param certificateFile the certificate PEM (the server's first, then any chain)
 * @param keyFile         the PKCS#8 private key PEM
 */
public record ManagementCertificate(Path certificateFile, Path keyFile) {

    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The files in use, made first if the settings name none and the member's folder has none yet. */
    public static ManagementCertificate resolve(ManagementSettings settings, Path memberFolder) {
        if (settings.certificateFile() != null) {
            return new ManagementCertificate(settings.certificateFile(), settings.keyFile());
        }
        Path folder = memberFolder.resolve("management");
        ManagementCertificate own = new ManagementCertificate(folder.resolve("tls-certificate.pem"),
                folder.resolve("tls-key.pem"));
        if (!Files.isRegularFile(own.certificateFile()) || !Files.isRegularFile(own.keyFile())
                || own.certificate().getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(1)))) {
            own.writeSelfSigned(settings.host());
        }
        return own;
    }

    /** The server certificate (the first in its file). */
    public X509Certificate certificate() {
        try {
            return Pem.parseCertificates(Files.readString(certificateFile)).get(0);
        } catch (IOException | RuntimeException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "management-certificate " + certificateFile
                    + " does not read as a PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint of the certificate, colon-separated as OpenSSL prints it. */
    public String fingerprint() {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot digest the management certificate", e);
        }
    }

    private void writeSelfSigned(String host) {
        KeyPair pair = DevelopmentPki.newKeyPair();
        Instant now = Instant.now();
        try {
            X500Name name = new X500Name("CN=Spean management " + host);
            List<GeneralName> names = new ArrayList<>();
            for (String alternative : alternativeNames(host)) {
                boolean address = alternative.matches("[0-9.]+") || alternative.contains(":");
                names.add(address ? new GeneralName(GeneralName.iPAddress,
                        InetAddress.getByName(alternative).getHostAddress()) : new GeneralName(GeneralName.dNSName, alternative));
            }
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(128, RANDOM).setBit(127), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(SELF_SIGNED_VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE).setProvider(BouncyCastle.provider())
                            .build(pair.getPrivate())));
            Files.createDirectories(keyFile.getParent());
            Files.deleteIfExists(keyFile);
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, Pem.privateKeyPkcs8(pair.getPrivate()));
            Files.writeString(certificateFile, Pem.certificate(certificate));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                    "cannot make the management port's certificate in " + keyFile.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> alternativeNames(String host) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            names.add(host);
        }
        return names;
    }
}
