package kh.gov.spean.federation;

import java.time.Instant;
import java.util.List;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * The federation configuration as the federation authority signs it (X-Road's "global configuration"): members with
 * their certificates, services with their schemas, access rights, the digests of the shared schemas, revoked
 * certificates, and the catalogue of purposes a call to a personal-data service declares (absent in configurations
 * written before there were any: no purposes, no personal-data service).
 * This is the wire form; {@link Federation} is the checked, typed view a node works with.
 */
public record FederationConfiguration(
        int version,
        String instance,
        Instant issuedAt,
        Instant expiresAt,
        List<Member> members,
        List<Service> services,
        List<AccessRight> accessRights,
        List<Schema> schemas,
        List<Revocation> revoked,
        List<Purpose> purposes) {

    public static final int CURRENT_VERSION = 1;

    /** The entry of {@code id}; CONFIGURATION_INVALID if there is none. */
    public Member member(MemberId id) {
        return members.stream().filter(candidate -> candidate.id().equals(id.toString())).findFirst()
                .orElseThrow(() -> new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                        "no member " + id + " in the federation configuration"));
    }

    /** The same configuration issued again at {@code now} (or just after this one), with these members and revocations. */
    public FederationConfiguration reissued(Instant now, List<Member> newMembers, List<Revocation> newRevoked) {
        Instant issued = now.isAfter(issuedAt) ? now : issuedAt.plusMillis(1);
        return new FederationConfiguration(version, instance, issued, expiresAt, newMembers, services, accessRights,
                schemas, newRevoked, purposes);
    }

    /**
     * A member: its subsystems and its two certificates (PEM), one to verify its signatures, one to encrypt to it; and,
     * after a key rotation, the signing certificates it used before, whose signatures still count as the member's
     * (messages signed before the rotation may still be in flight) until the authority drops them.
     */
    public record Member(String id, String name, String nameKm, List<String> subsystems,
                         String signingCertificate, String encryptionCertificate,
                         List<String> previousSigningCertificates) {
    }

    /**
     * A service, its pattern ({@code request-response} when absent, {@code one-way} or {@code event}), the schema
     * ids of its request (or event) and of its response (request/response services only), and the id of its OpenAPI
     * description ({@code schemas/NAME/vN/openapi.json}; absent in configurations written before there were any).
     * {@code personalData}: true when its messages concern a citizen, so that every call declares a purpose and the
     * acting official; absent means false.
     */
    public record Service(String id, String description, String pattern, String requestSchema, String responseSchema,
                          String openapi, Boolean personalData) {
    }

    /**
     * A client subsystem's right to call a service, and the purposes (codes of the catalogue) for which it may call it;
     * absent means none, which a personal-data service does not accept.
     */
    public record AccessRight(String client, String service, List<String> purposes) {
    }

    /**
     * A purpose a call may declare: its code (what the {@code X-Spean-Purpose} header carries), the law that allows
     * the processing, and its name in English and in Khmer.
     */
    public record Purpose(String code, String legalBasis, String nameEn, String nameKm) {
    }

    /**
     * A certificate the federation authority revoked: nodes refuse what it signed from the moment they load the
     * configuration naming it.
     *
     * @param certificateSha256 hex SHA-256 of the certificate's DER encoding
     */
    public record Revocation(String certificateSha256, String subject, Instant revokedAt, String reason) {
    }

    /** A shared schema and the SHA-256 (hex) of its exact file bytes, so every node validates against the same text. */
    public record Schema(String id, String sha256) {
    }
}
