package kh.gov.spean.federation;

import java.util.List;

/**
 * The federation seed kept in {@code seeds/federation.json}: members, subsystems, services and access rights, without
 * keys or certificates. {@code spean init} turns it into a signed {@link FederationConfiguration}.
 */
public record FederationSeed(
        String instance,
        int validityDays,
        List<Member> members,
        List<FederationConfiguration.Service> services,
        List<FederationConfiguration.AccessRight> accessRights) {

    /** A member as seeded: identity and subsystems, no certificates yet. */
    public record Member(String id, String name, String nameKm, List<String> subsystems) {
    }
}
