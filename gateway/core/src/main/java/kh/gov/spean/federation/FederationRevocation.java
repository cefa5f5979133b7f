package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;

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

    /** Revokes {@code member}'s current certificates in the configuration under {@code dataDirectory}; returns how many. */
    public int revoke(Path dataDirectory, MemberId member, String reason) {
        FederationFiles files = FederationFiles.in(dataDirectory);
        Instant now = clock.instant();
        FederationLoader.load(files, now);
        FederationConfiguration current;
        try {
            current = SpeanJson.fromBytes(Files.readAllBytes(files.configuration()), FederationConfiguration.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FederationConfiguration.Member entry = current.members().stream().filter(candidate -> candidate.id()
                .equals(member.toString())).findFirst().orElseThrow(() -> new SpeanException(
                ErrorCode.CONFIGURATION_INVALID, "no member " + member + " in the federation configuration"));
        List<FederationConfiguration.Revocation> revoked = new ArrayList<>(
                current.revoked() == null ? List.of() : current.revoked());
        int added = 0;
        for (String pem : List.of(entry.signingCertificate(), entry.encryptionCertificate())) {
            X509Certificate certificate = Pem.parseCertificate(pem);
            String fingerprint = Federation.fingerprint(certificate);
            if (revoked.stream().noneMatch(existing -> existing.certificateSha256().equals(fingerprint))) {
                revoked.add(new FederationConfiguration.Revocation(fingerprint,
                        certificate.getSubjectX500Principal().getName(), now, reason));
                added++;
            }
        }
        Instant issued = now.isAfter(current.issuedAt()) ? now : current.issuedAt().plusMillis(1);
        FederationAuthority.load(dataDirectory).publish(new FederationConfiguration(current.version(), current.instance(),
                issued, current.expiresAt(), current.members(), current.services(), current.accessRights(),
                current.schemas(), List.copyOf(revoked)), files);
        return added;
    }
}
