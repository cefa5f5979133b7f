package kh.gov.spean.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/**
 * The federation configuration the authority signs, made from the seed and the certificates it has issued: the
 * seed's members that hold certificates, their services and the access rights between them, and the digests of the
 * schemas those services name. A seeded member without certificates yet (still making its keys) is left out, with
 * its services and the rights that name it, until it is registered.
 */
final class SeededConfiguration {

    /** A member's certificates (PEM): current signing and encryption ones, and the signing ones still accepted. */
    record Certified(String signingCertificate, String encryptionCertificate, List<String> previousSigningCertificates) {

        static Certified of(FederationConfiguration.Member entry) {
            return new Certified(entry.signingCertificate(), entry.encryptionCertificate(),
                    entry.previousSigningCertificates());
        }
    }

    private SeededConfiguration() {
    }

    /** Throws {@link IllegalArgumentException} naming what in the seed cannot be used. */
    static FederationConfiguration build(FederationSeed seed, SchemaCatalog schemas, Instant now,
                                         Map<MemberId, Certified> certified,
                                         List<FederationConfiguration.Revocation> revoked) {
        List<FederationConfiguration.Member> members = new ArrayList<>();
        for (FederationSeed.Member seeded : seed.members()) {
            Certified certificates = certified.get(MemberId.parse(seeded.id()));
            if (certificates != null) {
                members.add(new FederationConfiguration.Member(seeded.id(), seeded.name(), seeded.nameKm(),
                        seeded.subsystems(), certificates.signingCertificate(), certificates.encryptionCertificate(),
                        certificates.previousSigningCertificates()));
            }
        }
        List<FederationConfiguration.Service> services = seed.services().stream()
                .filter(service -> certified.containsKey(ServiceId.parse(service.id()).subsystem().member())).toList();
        List<FederationConfiguration.AccessRight> rights = seed.accessRights().stream()
                .filter(right -> certified.containsKey(SubsystemId.parse(right.client()).member())
                        && certified.containsKey(ServiceId.parse(right.service()).subsystem().member())).toList();
        return new FederationConfiguration(FederationConfiguration.CURRENT_VERSION, seed.instance(), now,
                now.plus(Duration.ofDays(seed.validityDays())), members, services, rights,
                schemaDigests(services, schemas), revoked, seed.purposes());
    }

    private static List<FederationConfiguration.Schema> schemaDigests(List<FederationConfiguration.Service> services,
                                                                      SchemaCatalog schemas) {
        Set<SchemaId> used = new LinkedHashSet<>();
        for (FederationConfiguration.Service service : services) {
            used.add(SchemaId.parse(service.requestSchema()));
            if (service.responseSchema() != null) {
                used.add(SchemaId.parse(service.responseSchema()));
            }
            if (service.openapi() != null) {
                SchemaId description = SchemaId.parse(service.openapi());
                if (schemas.contains(description) && !schemas.isDescription(description)) {
                    throw new IllegalArgumentException("service " + service.id() + " names " + description
                            + " as its OpenAPI description, but that folder holds a schema.json, not an "
                            + SchemaCatalog.DESCRIPTION_FILE);
                }
                used.add(description);
            }
        }
        for (FederationConfiguration.Service service : services) {
            for (String schema : Arrays.asList(service.requestSchema(), service.responseSchema())) {
                if (schema != null && schemas.isDescription(SchemaId.parse(schema))) {
                    throw new IllegalArgumentException("service " + service.id() + " names the OpenAPI description "
                            + schema + " as a schema");
                }
            }
        }
        List<FederationConfiguration.Schema> digests = new ArrayList<>();
        for (SchemaId id : used) {
            if (!schemas.contains(id)) {
                throw new IllegalArgumentException("the seed names schema " + id + ", which is not under the schemas folder");
            }
            digests.add(new FederationConfiguration.Schema(id.toString(), schemas.sha256Hex(id)));
        }
        return digests;
    }
}
