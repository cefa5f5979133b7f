package kh.gov.spean.federation;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaId;

/**
 * The checked, typed view of a verified federation configuration: who is a member, what they offer, who may call what
 * and for which purposes, which certificates are revoked. A running node adopts a newer configuration in place ({@link #adopt}).
 */
public final class Federation {

    /** A member with its parsed certificates: the current ones, and the signing certificates a rotation replaced. */
    public record Member(MemberId id, String name, Set<SubsystemId> subsystems,
                         X509Certificate signingCertificate, X509Certificate encryptionCertificate,
                         List<X509Certificate> previousSigningCertificates) {

        /** True if a signature by {@code signer} counts as this member's: its current certificate or a previous one. */
        public boolean signsWith(X509Certificate signer) {
            return signingCertificate.equals(signer) || previousSigningCertificates.contains(signer);
        }
    }

    /**
     * A service with the schemas its messages must follow: the request (for an event: the event itself) and, for
     * request/response services only, the response; and its OpenAPI description (null in a configuration written
     * before services had one), whose operations the nodes check; {@code personalData} when every call must declare a
     * granted purpose and the acting official.
     */
    public record Service(ServiceId id, String description, ServicePattern pattern, SchemaId requestSchema,
                          SchemaId responseSchema, SchemaId openApi, boolean personalData) {

        /** The documents this service names, each digested by the configuration: its schemas and its description. */
        public List<SchemaId> schemas() {
            List<SchemaId> named = new ArrayList<>(List.of(requestSchema));
            if (responseSchema != null) {
                named.add(responseSchema);
            }
            if (openApi != null) {
                named.add(openApi);
            }
            return List.copyOf(named);
        }
    }

    /** A purpose of the catalogue: its code, the law that allows the processing, its English and Khmer names. */
    public record Purpose(String code, String legalBasis, String nameEn, String nameKm) {
    }

    private record AccessRight(SubsystemId client, ServiceId service) {
    }

    /** What a purpose code looks like: upper-case letters, digits and underscores, as the header carries it. */
    private static final Pattern PURPOSE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** One configuration's content, never changed once built; a node adopting a newer configuration swaps it whole. */
    private static final class View {
        private final String instance;
        private final Instant issuedAt;
        private final Instant expiresAt;
        private final Map<MemberId, Member> members = new HashMap<>();
        private final Map<ServiceId, Service> services = new HashMap<>();
        private final Map<AccessRight, Set<String>> accessRights = new HashMap<>();
        private final Map<String, Purpose> purposes = new HashMap<>();
        private final Map<SchemaId, String> schemaDigests = new HashMap<>();
        private final Map<String, FederationConfiguration.Revocation> revoked = new HashMap<>();

        private View(String instance, Instant issuedAt, Instant expiresAt) {
            this.instance = instance;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        private boolean hasSubsystem(SubsystemId id) {
            Member member = members.get(id.member());
            return member != null && member.subsystems().contains(id);
        }
    }

    private volatile View view;

    private Federation(View view) {
        this.view = view;
    }

    /**
     * Builds the typed view, refusing anything inconsistent (an unknown member in an access right, a service of a
     * subsystem nobody declared, a purpose outside the catalogue, a right to a personal-data service that grants no
     * purpose). The signature and expiry are checked before this, by {@link FederationLoader}.
     */
    public static Federation of(FederationConfiguration configuration) {
        View federation = new View(configuration.instance(), configuration.issuedAt(), configuration.expiresAt());
        for (FederationConfiguration.Member entry : list(configuration.members())) {
            MemberId id = MemberId.parse(entry.id());
            Set<SubsystemId> subsystems = new HashSet<>();
            for (String code : list(entry.subsystems())) {
                subsystems.add(new SubsystemId(id, code));
            }
            require(entry.signingCertificate() != null && entry.encryptionCertificate() != null,
                    "member " + id + " has no certificates");
            federation.members.put(id, new Member(id, entry.name(), Set.copyOf(subsystems),
                    Pem.parseCertificate(entry.signingCertificate()), Pem.parseCertificate(entry.encryptionCertificate()),
                    list(entry.previousSigningCertificates()).stream().map(Pem::parseCertificate).toList()));
        }
        for (FederationConfiguration.Schema schema : list(configuration.schemas())) {
            federation.schemaDigests.put(SchemaId.parse(schema.id()), schema.sha256());
        }
        for (FederationConfiguration.Purpose entry : list(configuration.purposes())) {
            require(entry != null && entry.code() != null && PURPOSE_CODE.matcher(entry.code()).matches(),
                    "a purpose's code must be " + PURPOSE_CODE.pattern() + ", was " + (entry == null ? null : entry.code()));
            require(present(entry.legalBasis()) && present(entry.nameEn()) && present(entry.nameKm()),
                    "purpose " + entry.code() + " needs a legal basis and names in English and Khmer");
            require(federation.purposes.put(entry.code(), new Purpose(entry.code(), entry.legalBasis(), entry.nameEn(),
                    entry.nameKm())) == null, "purpose " + entry.code() + " is listed twice");
        }
        for (FederationConfiguration.Service entry : list(configuration.services())) {
            ServiceId id = ServiceId.parse(entry.id());
            require(federation.hasSubsystem(id.subsystem()), "service " + id + " belongs to no declared subsystem");
            ServicePattern pattern = ServicePattern.fromWireName(entry.pattern());
            require((pattern == ServicePattern.REQUEST_RESPONSE) == (entry.responseSchema() != null),
                    "service " + id + ": a " + pattern.wireName() + " service "
                            + (pattern == ServicePattern.REQUEST_RESPONSE ? "needs" : "has no") + " response schema");
            Service service = new Service(id, entry.description(), pattern, SchemaId.parse(entry.requestSchema()),
                    entry.responseSchema() == null ? null : SchemaId.parse(entry.responseSchema()),
                    entry.openapi() == null ? null : SchemaId.parse(entry.openapi()),
                    Boolean.TRUE.equals(entry.personalData()));
            require(!service.personalData() || pattern != ServicePattern.EVENT, "service " + id + ": an event is not "
                    + "called, so no call declares a purpose for it; it cannot be marked personal data");
            require(service.schemas().stream().allMatch(federation.schemaDigests::containsKey),
                    "service " + id + " names a schema the configuration does not list");
            federation.services.put(id, service);
        }
        for (FederationConfiguration.AccessRight entry : list(configuration.accessRights())) {
            SubsystemId client = SubsystemId.parse(entry.client());
            ServiceId service = ServiceId.parse(entry.service());
            require(federation.hasSubsystem(client), "access right for unknown client " + client);
            require(federation.services.containsKey(service), "access right to unknown service " + service);
            // A right listed twice grants what both entries grant.
            Set<String> purposes = new HashSet<>(federation.accessRights.getOrDefault(new AccessRight(client, service),
                    Set.of()));
            for (String code : list(entry.purposes())) {
                require(federation.purposes.containsKey(code), "the access right of " + client + " to " + service
                        + " names purpose " + code + ", which the catalogue of purposes does not list");
                purposes.add(code);
            }
            require(!federation.services.get(service).personalData() || !purposes.isEmpty(), "the access right of "
                    + client + " to " + service + " grants no purpose, and a personal-data service needs one");
            federation.accessRights.put(new AccessRight(client, service), Set.copyOf(purposes));
        }
        for (FederationConfiguration.Revocation revocation : list(configuration.revoked())) {
            require(revocation.certificateSha256() != null && revocation.certificateSha256().matches("[0-9a-f]{64}"),
                    "a revocation must name a certificate by its hex SHA-256");
            federation.revoked.put(revocation.certificateSha256(), revocation);
        }
        return new Federation(federation);
    }

    /**
     * Adopts a newer configuration in place, so every part of a running node sees it at once; a configuration not
     * issued after this one is refused (an old one would bring back what was revoked since).
     */
    public void adopt(Federation newer) {
        if (!newer.issuedAt().isAfter(issuedAt())) {
            throw new IllegalArgumentException("the configuration issued " + newer.issuedAt()
                    + " is not newer than the one in use, issued " + issuedAt());
        }
        view = newer.view;
    }

    /** The revocation of a certificate, if the configuration names it. */
    public Optional<FederationConfiguration.Revocation> revocation(X509Certificate certificate) {
        Map<String, FederationConfiguration.Revocation> revoked = view.revoked;
        // Asked for every envelope verified: no hashing at all while nothing is revoked.
        return revoked.isEmpty() ? Optional.empty() : Optional.ofNullable(revoked.get(fingerprint(certificate)));
    }

    /** Hex SHA-256 of a certificate's DER encoding: how a revocation names it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return Digests.hex(Digests.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    public String instance() {
        return view.instance;
    }

    public Instant issuedAt() {
        return view.issuedAt;
    }

    public Instant expiresAt() {
        return view.expiresAt;
    }

    public Optional<Member> member(MemberId id) {
        return Optional.ofNullable(view.members.get(id));
    }

    public Collection<Member> members() {
        return view.members.values();
    }

    public Optional<Service> service(ServiceId id) {
        return Optional.ofNullable(view.services.get(id));
    }

    public Collection<Service> services() {
        return view.services.values();
    }

    public boolean hasSubsystem(SubsystemId id) {
        return view.hasSubsystem(id);
    }

    /** True when the configuration grants {@code client} the right to call {@code service}. */
    public boolean isAllowed(SubsystemId client, ServiceId service) {
        return view.accessRights.containsKey(new AccessRight(client, service));
    }

    /** The purposes for which {@code client} may call {@code service}: none without an access right. */
    public Set<String> purposesGranted(SubsystemId client, ServiceId service) {
        return view.accessRights.getOrDefault(new AccessRight(client, service), Set.of());
    }

    /** The purpose of the catalogue with this code, if there is one. */
    public Optional<Purpose> purpose(String code) {
        return Optional.ofNullable(view.purposes.get(code));
    }

    /** The catalogue of purposes. */
    public Collection<Purpose> purposes() {
        return view.purposes.values();
    }

    /** The client subsystems with the right to call a service (for an event: its subscribers), in a stable order. */
    public List<SubsystemId> clientsOf(ServiceId service) {
        return view.accessRights.keySet().stream().filter(right -> right.service().equals(service))
                .map(AccessRight::client).sorted(Comparator.comparing(SubsystemId::toString)).toList();
    }

    /** The SHA-256 (hex) the federation fixes for a schema, if it lists the schema. */
    public Optional<String> schemaDigest(SchemaId id) {
        return Optional.ofNullable(view.schemaDigests.get(id));
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
