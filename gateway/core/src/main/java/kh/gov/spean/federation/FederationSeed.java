package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.bind.JsonbException;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.json.SpeanJson;

/**
 * The federation seed kept in {@code seeds/federation.json}: members, subsystems, services, access rights and the
 * catalogue of purposes (absent: none), without keys or certificates. {@code spean init} turns it into a signed {@link FederationConfiguration}.
 */
public record FederationSeed(
        String instance,
        int validityDays,
        List<Member> members,
        List<FederationConfiguration.Service> services,
        List<FederationConfiguration.AccessRight> accessRights,
        List<FederationConfiguration.Purpose> purposes) {

    /** A development federation's configuration lives at most as long as its CA. */
    static final int MAXIMUM_VALIDITY_DAYS = (int) FederationInitializer.CA_VALIDITY.toDays();

    /** A member as seeded: identity and subsystems, no certificates yet. */
    public record Member(String id, String name, String nameKm, List<String> subsystems) {
    }

    /**
     * Reads a seed and refuses one that is not a seed's JSON or breaks what the configuration's own checks
     * ({@link Federation#of}) leave to it: lists present, members of its instance, nothing listed twice, a sane life.
     */
    public static FederationSeed read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the federation seed " + file, e);
        }
        FederationSeed seed;
        try {
            seed = SpeanJson.fromBytes(json, FederationSeed.class);
        } catch (JsonbException e) {
            throw invalid(file, " is not a seed's JSON: " + e.getMessage());
        }
        if (seed == null) {
            throw invalid(file, " is not a seed's JSON: it is null");
        }
        try {
            seed.check();
        } catch (IllegalArgumentException e) {
            throw invalid(file, ": " + e.getMessage());
        }
        return seed;
    }

    private void check() {
        require(members != null && !members.isEmpty(), "it lists no members");
        require(services != null, "it has no services list");
        require(accessRights != null, "it has no accessRights list");
        require(validityDays >= 1 && validityDays <= MAXIMUM_VALIDITY_DAYS,
                "validityDays must be 1.." + MAXIMUM_VALIDITY_DAYS + ", was " + validityDays);
        Set<MemberId> seen = new HashSet<>();
        for (Member seeded : members) {
            require(seeded != null, "a member is null");
            MemberId id = MemberId.parse(seeded.id());
            require(id.instance().equals(instance), "member " + id + " is not of the instance '" + instance + "'");
            require(seen.add(id), "member " + id + " is listed twice");
        }
        Set<String> serviceIds = new HashSet<>();
        for (FederationConfiguration.Service service : services) {
            require(service != null, "a service is null");
            require(serviceIds.add(ServiceId.parse(service.id()).toString()), "service " + service.id()
                    + " is listed twice");
            require(service.requestSchema() != null, "service " + service.id() + " names no request schema");
        }
        for (FederationConfiguration.AccessRight right : accessRights) {
            require(right != null, "an access right is null");
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static SpeanException invalid(Path file, String problem) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the federation seed " + file + problem);
    }
}
