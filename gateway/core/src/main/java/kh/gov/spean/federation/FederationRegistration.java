package kh.gov.spean.federation;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.validation.SchemaCatalog;

/**
 * The federation authority names a member's certificates in a newer signed configuration. A member already in it has
 * renewed its keys: its new certificates replace the old, and the replaced signing certificate stays accepted as
 * previous (decision 0014). A member joining is added from the seed, with its services and access rights. Either way
 * the member should have installed the certificates first, so that no node seals to a key its node cannot yet use.
 */
public final class FederationRegistration {

    private final Clock clock;

    public FederationRegistration(Clock clock) {
        this.clock = clock;
    }

    /**
     * Publishes the configuration naming {@code certificates} as {@code member}'s; returns the signing certificate they
     * replace, if any. {@code seedFile} and {@code schemasRoot} are read only for a member joining.
     */
    public Optional<X509Certificate> register(Path dataDirectory, MemberId member, MemberCertificates certificates,
                                              Path seedFile, Path schemasRoot) {
        FederationAuthority authority = FederationAuthority.load(dataDirectory);
        certificates.requireIssuedFor(member, authority.ca().certificate());
        FederationFiles files = FederationFiles.in(dataDirectory);
        Instant now = clock.instant();
        FederationConfiguration current = FederationLoader.loadConfiguration(files, now);
        boolean renewing = current.members().stream().anyMatch(entry -> entry.id().equals(member.toString()));
        if (renewing) {
            FederationConfiguration.Member entry = current.member(member);
            List<FederationConfiguration.Member> members = new ArrayList<>();
            for (FederationConfiguration.Member other : current.members()) {
                members.add(other != entry ? other : new FederationConfiguration.Member(other.id(), other.name(),
                        other.nameKm(), other.subsystems(), Pem.certificate(certificates.signing()),
                        Pem.certificate(certificates.encryption()), List.of(entry.signingCertificate())));
            }
            authority.publish(current.reissued(now, members, current.revoked()), files);
            return Optional.of(Pem.parseCertificate(entry.signingCertificate()));
        }
        FederationSeed seed = FederationSeed.read(seedFile);
        if (seed.members().stream().noneMatch(seeded -> seeded.id().equals(member.toString()))) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, member + " is not in the federation seed "
                    + seedFile + ": add it there (its subsystems, services and access rights) before registering it");
        }
        Map<MemberId, SeededConfiguration.Certified> certified = new LinkedHashMap<>();
        current.members().forEach(entry -> certified.put(MemberId.parse(entry.id()), SeededConfiguration.Certified.of(entry)));
        certified.put(member, new SeededConfiguration.Certified(Pem.certificate(certificates.signing()),
                Pem.certificate(certificates.encryption()), null));
        FederationConfiguration joined;
        try {
            joined = SeededConfiguration.build(seed, SchemaCatalog.load(schemasRoot), now, certified,
                    current.revoked());
            Federation.of(joined);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the federation seed " + seedFile + ": "
                    + e.getMessage());
        }
        if (!joined.issuedAt().isAfter(current.issuedAt())) {
            joined = new FederationConfiguration(joined.version(), joined.instance(), current.issuedAt().plusMillis(1),
                    joined.expiresAt(), joined.members(), joined.services(), joined.accessRights(), joined.schemas(),
                    joined.revoked(), joined.purposes());
        }
        authority.publish(joined, files);
        return Optional.empty();
    }
}
