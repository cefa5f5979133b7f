package kh.gov.spean.node.metadata;

import java.util.Comparator;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.openapi.ServiceDescriptions;

/**
 * X-Road's metaservices, answered from the signed federation configuration: who the clients are
 * ({@code listClients}), what a subsystem offers ({@code listMethods}), what a client may call of it
 * ({@code allowedMethods}), and the OpenAPI description the federation keeps for a service ({@code getOpenAPI}),
 * so that an integrator discovers what to call and with what.
 */
public final class ServiceMetadata {

    private final Federation federation;
    private final ServiceDescriptions descriptions;

    public ServiceMetadata(Federation federation, ServiceDescriptions descriptions) {
        this.federation = federation;
        this.descriptions = descriptions;
    }

    /** Every subsystem of the federation, with its member's name (X-Road's {@code listClients}). */
    public JsonObject listClients() {
        JsonArrayBuilder members = Json.createArrayBuilder();
        federation.members().stream().sorted(Comparator.comparing(member -> member.id().toString())).forEach(member ->
                member.subsystems().stream().sorted(Comparator.comparing(SubsystemId::toString)).forEach(subsystem ->
                        members.add(Json.createObjectBuilder().add("id", subsystemId(subsystem)).add("name", member.name()))));
        return Json.createObjectBuilder().add("member", members).build();
    }

    /** The services of a subsystem (X-Road's {@code listMethods}). */
    public JsonObject listMethods(SubsystemId provider) {
        return services(servicesOf(provider));
    }

    /** The services of a subsystem that {@code client} has the right to call (X-Road's {@code allowedMethods}). */
    public JsonObject allowedMethods(SubsystemId provider, SubsystemId client) {
        return services(servicesOf(provider).stream().filter(service -> federation.isAllowed(client, service.id())).toList());
    }

    /**
     * The OpenAPI description the federation keeps for one of a subsystem's services, its shared schemas inlined
     * (X-Road's {@code getOpenAPI?serviceCode=...}; {@code serviceCode} may carry the version, {@code verifyCitizen/v2}).
     */
    public JsonObject openApi(SubsystemId provider, String serviceCode) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "getOpenAPI needs ?serviceCode=CODE, one of "
                    + servicesOf(provider).stream().map(service -> serviceCode(service.id())).toList());
        }
        Federation.Service service = servicesOf(provider).stream()
                .filter(candidate -> serviceCode(candidate.id()).equals(serviceCode)).findFirst()
                .orElseThrow(() -> new SpeanException(ErrorCode.UNKNOWN_SERVICE, "no service " + serviceCode + " of "
                        + provider + " in the federation configuration"));
        return descriptions.description(service).orElseThrow(() -> new SpeanException(ErrorCode.UNKNOWN_SERVICE,
                "the federation configuration keeps no OpenAPI description for " + service.id())).withSchemasInlined();
    }

    /** Whether the federation declares the subsystem. */
    public boolean knows(SubsystemId subsystem) {
        return federation.hasSubsystem(subsystem);
    }

    private static String serviceCode(ServiceId id) {
        return id.version() == null ? id.serviceCode() : id.serviceCode() + "/" + id.version();
    }

    private List<Federation.Service> servicesOf(SubsystemId provider) {
        return federation.services().stream().filter(service -> service.id().subsystem().equals(provider))
                .sorted(Comparator.comparing(service -> service.id().toString())).toList();
    }

    private static JsonObject services(List<Federation.Service> services) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Federation.Service service : services) {
            ServiceId id = service.id();
            JsonObjectBuilder entry = Json.createObjectBuilder().add("object_type", "SERVICE")
                    .add("xroad_instance", id.member().instance()).add("member_class", id.member().memberClass())
                    .add("member_code", id.member().memberCode()).add("subsystem_code", id.subsystem().subsystemCode())
                    .add("service_code", id.serviceCode());
            if (id.version() != null) {
                entry.add("service_version", id.version());
            }
            list.add(entry.add("service_type", "REST").add("spean_pattern", service.pattern().wireName()));
        }
        return Json.createObjectBuilder().add("service", list).build();
    }

    private static JsonObject subsystemId(SubsystemId subsystem) {
        return Json.createObjectBuilder().add("object_type", "SUBSYSTEM")
                .add("xroad_instance", subsystem.member().instance()).add("member_class", subsystem.member().memberClass())
                .add("member_code", subsystem.member().memberCode()).add("subsystem_code", subsystem.subsystemCode()).build();
    }
}
