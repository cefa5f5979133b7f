package kh.gov.spean.federation;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.KeyStores;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.id.MemberId;

/**
 * A member's key rotation, carried out by the member and the federation authority together. In production the member
 * makes its key pairs on its own node and sends the authority certificate requests; in a data directory made by
 * {@code spean init}, which holds both, one step does both:
 * <ol>
 *   <li>new signing and encryption key pairs, certified by the federation CA, become the current keys in the member's
 *       keystores; the replaced ones stay there under another alias, so that payloads sealed to the old encryption
 *       certificate — by nodes that have not yet seen the new configuration, or before the rotation — still open;</li>
 *   <li>then a newer configuration names the new certificates as the member's, and the replaced signing certificate
 *       as previous: what the member signed before (one-way messages still being retried, answers in flight) is
 *       still accepted. A running node of the member keeps signing with the key it started with, accepted as
 *       previous, until it restarts.</li>
 * </ol>
 * The keystores are written before the configuration, so no node can seal to a certificate whose key the member's
 * node cannot find. Each rotation keeps one previous signing certificate: the one before it is no longer accepted.
 */
public final class FederationKeyRotation {

    /** What a rotation made: the member's new certificates and the signing certificate they replace. */
    public record Rotated(X509Certificate signingCertificate, X509Certificate encryptionCertificate,
                          X509Certificate previousSigningCertificate) {
    }

    private final Clock clock;

    public FederationKeyRotation(Clock clock) {
        this.clock = clock;
    }

    public Rotated rotate(Path dataDirectory, MemberId member) {
        FederationFiles files = FederationFiles.in(dataDirectory);
        Instant now = clock.instant();
        FederationConfiguration current = FederationLoader.loadConfiguration(files, now);
        FederationConfiguration.Member entry = current.member(member);
        FederationAuthority authority = FederationAuthority.load(dataDirectory);
        CertificateAuthority ca = authority.ca();
        MemberFiles memberFiles = MemberFiles.in(dataDirectory, member);
        X509Certificate previousSigning = Pem.parseCertificate(entry.signingCertificate());
        X509Certificate previousEncryption = Pem.parseCertificate(entry.encryptionCertificate());

        KeyPair signing = DevelopmentPki.newKeyPair();
        KeyPair encryption = DevelopmentPki.newKeyPair();
        X509Certificate signingCertificate = ca.issueSigningCertificate(member + " signing", signing.getPublic(),
                FederationInitializer.MEMBER_CERTIFICATE_VALIDITY);
        X509Certificate encryptionCertificate = ca.issueEncryptionCertificate(member + " encryption",
                encryption.getPublic(), FederationInitializer.MEMBER_CERTIFICATE_VALIDITY);
        char[] password = memberFiles.password();
        KeyStores.replaceKeyPair(memberFiles.signingKeystore(), KeyStores.SIGNING_ALIAS,
                KeyStores.SIGNING_ALIAS + "-" + serial(previousSigning), signing.getPrivate(),
                new X509Certificate[] {signingCertificate, ca.certificate()}, password);
        KeyStores.replaceKeyPair(memberFiles.encryptionKeystore(), KeyStores.ENCRYPTION_ALIAS,
                KeyStores.ENCRYPTION_ALIAS + "-" + serial(previousEncryption), encryption.getPrivate(),
                new X509Certificate[] {encryptionCertificate, ca.certificate()}, password);

        List<FederationConfiguration.Member> members = new ArrayList<>();
        for (FederationConfiguration.Member other : current.members()) {
            members.add(!other.id().equals(member.toString()) ? other : new FederationConfiguration.Member(other.id(),
                    other.name(), other.nameKm(), other.subsystems(), Pem.certificate(signingCertificate),
                    Pem.certificate(encryptionCertificate), List.of(entry.signingCertificate())));
        }
        authority.publish(current.reissued(now, members, current.revoked()), files);
        return new Rotated(signingCertificate, encryptionCertificate, previousSigning);
    }

    private static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }
}
