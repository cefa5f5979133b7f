package kh.gov.spean.federation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaId;

/** The checked, typed view of a verified federation configuration: who is a member, what they offer, who may call what. */
public final class Federation {

    /** A member with its parsed certificates. */
    public record Member(MemberId id, String name, Set<SubsystemId> subsystems,
                         X509Certificate signingCertificate, X509Certificate encryptionCertificate) {
    }

    /**
     * A service with the schemas its messages must follow: the request (for an event: the event itself) and, for
     * request/response services only, the response.
     */
    public record Service(ServiceId id, String description, ServicePattern pattern, SchemaId requestSchema,
                          SchemaId responseSchema) {

        /** The schemas this service names: its request's, and its response's if it has one. */
        public List<SchemaId> schemas() {
            return responseSchema == null ? List.of(requestSchema) : List.of(requestSchema, responseSchema);
        }
    }

    private record AccessRight(SubsystemId client, ServiceId service) {
    }

    private final String instance;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Map<MemberId, Member> members = new HashMap<>();
    private final Map<ServiceId, Service> services = new HashMap<>();
    private final Set<AccessRight> accessRights = new HashSet<>();
    private final Map<SchemaId, String> schemaDigests = new HashMap<>();

    private Federation(String instance, Instant issuedAt, Instant expiresAt) {
        this.instance = instance;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * Builds the typed view, refusing anything inconsistent (an unknown member in an access right, a service of a
     * subsystem nobody declared). The signature and expiry are checked before this, by {@link FederationLoader}.
     */
    public static Federation of(FederationConfiguration configuration) {
        Federation federation = new Federation(configuration.instance(), configuration.issuedAt(), configuration.expiresAt());
        for (FederationConfiguration.Member entry : list(configuration.members())) {
            MemberId id = MemberId.parse(entry.id());
            Set<SubsystemId> subsystems = new HashSet<>();
            for (String code : list(entry.subsystems())) {
                subsystems.add(new SubsystemId(id, code));
            }
            require(entry.signingCertificate() != null && entry.encryptionCertificate() != null,
                    "member " + id + " has no certificates");
            federation.members.put(id, new Member(id, entry.name(), Set.copyOf(subsystems),
                    Pem.parseCertificate(entry.signingCertificate()), Pem.parseCertificate(entry.encryptionCertificate())));
        }
        for (FederationConfiguration.Schema schema : list(configuration.schemas())) {
            federation.schemaDigests.put(SchemaId.parse(schema.id()), schema.sha256());
        }
        for (FederationConfiguration.Service entry : list(configuration.services())) {
            ServiceId id = ServiceId.parse(entry.id());
            require(federation.hasSubsystem(id.subsystem()), "service " + id + " belongs to no declared subsystem");
            ServicePattern pattern = ServicePattern.fromWireName(entry.pattern());
            require((pattern == ServicePattern.REQUEST_RESPONSE) == (entry.responseSchema() != null),
                    "service " + id + ": a " + pattern.wireName() + " service "
                            + (pattern == ServicePattern.REQUEST_RESPONSE ? "needs" : "has no") + " response schema");
            Service service = new Service(id, entry.description(), pattern, SchemaId.parse(entry.requestSchema()),
                    entry.responseSchema() == null ? null : SchemaId.parse(entry.responseSchema()));
            require(service.schemas().stream().allMatch(federation.schemaDigests::containsKey),
                    "service " + id + " names a schema the configuration does not list");
            federation.services.put(id, service);
        }
        for (FederationConfiguration.AccessRight entry : list(configuration.accessRights())) {
            SubsystemId client = SubsystemId.parse(entry.client());
            ServiceId service = ServiceId.parse(entry.service());
            require(federation.hasSubsystem(client), "access right for unknown client " + client);
            require(federation.services.containsKey(service), "access right to unknown service " + service);
            federation.accessRights.add(new AccessRight(client, service));
        }
        return federation;
    }

    public String instance() {
        return instance;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Member> member(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }

    public Collection<Member> members() {
        return members.values();
    }

    public Optional<Service> service(ServiceId id) {
        return Optional.ofNullable(services.get(id));
    }

    public Collection<Service> services() {
        return services.values();
    }

    public boolean hasSubsystem(SubsystemId id) {
        Member member = members.get(id.member());
        return member != null && member.subsystems().contains(id);
    }

    /** True when the configuration grants {@code client} the right to call {@code service}. */
    public boolean isAllowed(SubsystemId client, ServiceId service) {
        return accessRights.contains(new AccessRight(client, service));
    }

    /** The client subsystems with the right to call a service (for an event: its subscribers), in a stable order. */
    public List<SubsystemId> clientsOf(ServiceId service) {
        return accessRights.stream().filter(right -> right.service().equals(service)).map(AccessRight::client)
                .sorted(java.util.Comparator.comparing(SubsystemId::toString)).toList();
    }

    /** The SHA-256 (hex) the federation fixes for a schema, if it lists the schema. */
    public Optional<String> schemaDigest(SchemaId id) {
        return Optional.ofNullable(schemaDigests.get(id));
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
