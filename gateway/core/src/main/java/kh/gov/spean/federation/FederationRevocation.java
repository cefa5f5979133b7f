package kh.gov.spean.federation;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.id.MemberId;

/**
 * The federation authority revokes a member's certificates: it issues the configuration again, newer, naming the
 * member's signing and encryption certificates as revoked, and signs it. Nodes pick it up without a restart and refuse
 * what those certificates signed from then on.
 */
public final class FederationRevocation {

    private final Clock clock;

    public FederationRevocation(Clock clock) {
        this.clock = clock;
    }

    /** Revokes {@code member}'s certificates (current, and previous signing ones) in the configuration under {@code dataDirectory}; returns how many. */
    public int revoke(Path dataDirectory, MemberId member, String reason) {
        FederationFiles files = FederationFiles.in(dataDirectory);
        Instant now = clock.instant();
        FederationConfiguration current = FederationLoader.loadConfiguration(files, now);
        FederationConfiguration.Member entry = current.member(member);
        List<FederationConfiguration.Revocation> revoked = new ArrayList<>(
                current.revoked() == null ? List.of() : current.revoked());
        int added = 0;
        List<String> certificates = new ArrayList<>(List.of(entry.signingCertificate(), entry.encryptionCertificate()));
        if (entry.previousSigningCertificates() != null) {
            certificates.addAll(entry.previousSigningCertificates());
        }
        for (String pem : certificates) {
            X509Certificate certificate = Pem.parseCertificate(pem);
            String fingerprint = Federation.fingerprint(certificate);
            if (revoked.stream().noneMatch(existing -> existing.certificateSha256().equals(fingerprint))) {
                revoked.add(new FederationConfiguration.Revocation(fingerprint,
                        certificate.getSubjectX500Principal().getName(), now, reason));
                added++;
            }
        }
        FederationAuthority.load(dataDirectory).publish(current.reissued(now, current.members(), List.copyOf(revoked)),
                files);
        return added;
    }
}
