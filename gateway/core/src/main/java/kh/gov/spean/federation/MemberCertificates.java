package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import kh.gov.spean.crypto.BouncyCastle;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * A member's two certificates as the federation authority issues them and the member installs them: in a folder, one
 * PEM file per key ({@code signing.pem}, {@code encryption.pem}), each followed by the federation CA's certificate.
 * Public material only: what travels from the authority back to the member's node.
 */
public record MemberCertificates(X509Certificate signing, X509Certificate encryption) {

    public X509Certificate get(KeyRole role) {
        return role == KeyRole.SIGNING ? signing : encryption;
    }

    public void write(Path folder, X509Certificate caCertificate) {
        try {
            Files.createDirectories(folder);
            for (KeyRole role : KeyRole.values()) {
                Files.writeString(folder.resolve(role.certificateFile()),
                        Pem.certificate(get(role)) + Pem.certificate(caCertificate), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificates into " + folder, e);
        }
    }

    /** Reads the two certificate files from {@code folder}; the first certificate of each file is the member's. */
    public static MemberCertificates read(Path folder) {
        return new MemberCertificates(readOne(folder.resolve(KeyRole.SIGNING.certificateFile())),
                readOne(folder.resolve(KeyRole.ENCRYPTION.certificateFile())));
    }

    /**
     * Refuses, as CERTIFICATE_MISMATCH, a certificate not issued by {@code ca} or not naming {@code member} and its key's
     * role: what a member installs and what the authority registers must be the authority's certificates for that member.
     */
    public void requireIssuedFor(MemberId member, X509Certificate ca) {
        for (KeyRole role : KeyRole.values()) {
            X509Certificate certificate = get(role);
            try {
                certificate.verify(ca.getPublicKey(), BouncyCastle.provider());
            } catch (Exception e) {
                throw new SpeanException(ErrorCode.CERTIFICATE_MISMATCH, "the " + role.alias()
                        + " certificate is not issued by the federation CA " + ca.getSubjectX500Principal().getName());
            }
            String expected = "CN=" + role.commonName(member);
            if (!List.of(certificate.getSubjectX500Principal().getName().split(",")).contains(expected)) {
                throw new SpeanException(ErrorCode.CERTIFICATE_MISMATCH, "the " + role.alias() + " certificate names "
                        + certificate.getSubjectX500Principal().getName() + ", not " + role.commonName(member));
            }
        }
    }

    private static X509Certificate readOne(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate " + file, e);
        }
        try {
            List<X509Certificate> chain = Pem.parseCertificates(pem);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("it holds no certificate");
            }
            return chain.get(0);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CERTIFICATE_MISMATCH, file + " is not a PEM certificate: " + e.getMessage());
        }
    }
}
