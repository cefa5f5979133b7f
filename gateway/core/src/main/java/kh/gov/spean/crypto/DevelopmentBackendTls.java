package kh.gov.spean.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Development TLS material for mock backends, made at run time into a folder: a backend CA, a server certificate for
 * {@code localhost} and {@code 127.0.0.1} that the mocks serve, and the node's client certificate that they require.
 * Production brings the ministry's own CA and certificates.
 *
 * @param folder   where the files are
 * @param password the password of the two PKCS#12 files (the mock's keystore and truststore), random per run
 */
public record DevelopmentBackendTls(Path folder, String password) {

    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STORE_TYPE = "PKCS12";

    /** Makes a fresh CA named {@code caName} and the certificates it issues, into {@code folder} (created if need be). */
    public static DevelopmentBackendTls create(Path folder, String caName) {
        try {
            Files.createDirectories(folder);
            CertificateAuthority ca = DevelopmentPki.newRootCa(caName, VALIDITY);
            String password = randomPassword();
            DevelopmentBackendTls material = new DevelopmentBackendTls(folder, password);

            KeyPair server = DevelopmentPki.newKeyPair();
            X509Certificate serverCertificate = issue(ca, "localhost", server, KeyPurposeId.id_kp_serverAuth,
                    new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            KeyStores.writeKeyPair(material.serverKeystore(), "server", server.getPrivate(),
                    new X509Certificate[] {serverCertificate, ca.certificate()}, password.toCharArray());

            KeyStore trusted = KeyStore.getInstance(STORE_TYPE);
            trusted.load(null, null);
            trusted.setCertificateEntry("backend-ca", ca.certificate());
            try (OutputStream out = Files.newOutputStream(material.truststore())) {
                trusted.store(out, password.toCharArray());
            }
            Files.writeString(material.caCertificate(), Pem.certificate(ca.certificate()), StandardCharsets.US_ASCII);

            KeyPair client = DevelopmentPki.newKeyPair();
            X509Certificate clientCertificate = issue(ca, "spean node", client, KeyPurposeId.id_kp_clientAuth, null);
            Files.writeString(material.clientCertificate(),
                    Pem.certificate(clientCertificate) + Pem.certificate(ca.certificate()), StandardCharsets.US_ASCII);
            writeOwnerOnly(material.clientKey(), Pem.privateKeyPkcs8(client.getPrivate()));
            return material;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot write backend TLS material to " + folder, e);
        }
    }

    /** The backend CA's certificate (PEM): what the node trusts for backends ({@code --backend-ca}). */
    public Path caCertificate() {
        return folder.resolve("backend-ca.pem");
    }

    /** The mock backend's key and certificate chain (PKCS#12, alias {@code server}). */
    public Path serverKeystore() {
        return folder.resolve("backend-server.p12");
    }

    /** The CA a mock backend accepts client certificates from (PKCS#12, certificates only). */
    public Path truststore() {
        return folder.resolve("backend-truststore.p12");
    }

    /** The node's client certificate and its CA (PEM; {@code --backend-client-cert}). */
    public Path clientCertificate() {
        return folder.resolve("node-client.pem");
    }

    /** The node's client key (unencrypted PKCS#8 PEM, owner-only; {@code --backend-client-key}). */
    public Path clientKey() {
        return folder.resolve("node-client.key");
    }

    private static X509Certificate issue(CertificateAuthority ca, String commonName, KeyPair subject,
                                         KeyPurposeId purpose, GeneralNames alternativeNames) {
        try {
            Instant now = Instant.now();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                    new BigInteger(128, RANDOM).setBit(127), Date.from(now.minus(CertificateAuthority.BACKDATE)),
                    Date.from(now.plus(VALIDITY)), DevelopmentPki.subject(commonName), subject.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subject.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate()));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(CryptoAlgorithms.SIGNATURE).setProvider(BouncyCastle.provider())
                            .build(ca.key())));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot issue a TLS certificate for " + commonName, e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
