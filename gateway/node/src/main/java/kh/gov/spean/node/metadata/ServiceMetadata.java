package kh.gov.spean.node.metadata;

import java.util.Comparator;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/**
 * X-Road's metaservices, answered from the signed federation configuration: who the clients are
 * ({@code listClients}), what a subsystem offers ({@code listMethods}), what a client may call of it
 * ({@code allowedMethods}), and an OpenAPI 3.1 description generated from the shared schemas ({@code getOpenAPI}),
 * so that an integrator discovers what to call and with what.
 */
public final class ServiceMetadata {

    private final Federation federation;
    private final SchemaCatalog schemas;

    public ServiceMetadata(Federation federation, SchemaCatalog schemas) {
        this.federation = federation;
        this.schemas = schemas;
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

    /** OpenAPI 3.1 for a subsystem's services, or one of them: paths, X-Road headers, the schemas themselves. */
    public JsonObject openApi(SubsystemId provider, String serviceCode) {
        JsonObjectBuilder paths = Json.createObjectBuilder();
        for (Federation.Service service : servicesOf(provider)) {
            if (serviceCode == null || serviceCode.equals(service.id().serviceCode())) {
                paths.add("/r1/" + service.id(), Json.createObjectBuilder().add("post", operation(service)));
            }
        }
        return Json.createObjectBuilder()
                .add("openapi", "3.1.0")
                .add("info", Json.createObjectBuilder().add("title", provider.toString())
                        .add("version", federation.issuedAt().toString())
                        .add("description", "Services of " + provider + " through Spean, from the federation configuration "
                                + "issued " + federation.issuedAt() + ". Call them at your own member's node."))
                .add("paths", paths)
                .add("components", Json.createObjectBuilder().add("schemas", Json.createObjectBuilder()
                        .add("Problem", Json.createObjectBuilder().add("type", "object")
                                .add("properties", Json.createObjectBuilder()
                                        .add("type", Json.createObjectBuilder().add("type", "string"))
                                        .add("title", Json.createObjectBuilder().add("type", "string"))
                                        .add("status", Json.createObjectBuilder().add("type", "integer"))
                                        .add("detail", Json.createObjectBuilder().add("type", "string"))
                                        .add("code", Json.createObjectBuilder().add("type", "string"))
                                        .add("traceId", Json.createObjectBuilder().add("type", "string"))))))
                .build();
    }

    /** Whether the federation declares the subsystem. */
    public boolean knows(SubsystemId subsystem) {
        return federation.hasSubsystem(subsystem);
    }

    private JsonObject operation(Federation.Service service) {
        JsonObjectBuilder responses = Json.createObjectBuilder();
        if (service.pattern() == ServicePattern.REQUEST_RESPONSE) {
            responses.add("200", Json.createObjectBuilder().add("description", "The provider's verified answer")
                    .add("content", json("application/json", service.responseSchema())));
        } else {
            responses.add("202", Json.createObjectBuilder().add("description", service.pattern() == ServicePattern.ONE_WAY
                    ? "Accepted: stored, and delivered until receipted; follow it at the Location, GET /messages/{id}"
                    : "Published: one sealed copy per subscriber"));
        }
        responses.add("default", Json.createObjectBuilder().add("description", "A coded refusal (RFC 9457)")
                .add("content", Json.createObjectBuilder().add("application/problem+json", Json.createObjectBuilder()
                        .add("schema", Json.createObjectBuilder().add("$ref", "#/components/schemas/Problem")))));
        return Json.createObjectBuilder()
                .add("operationId", service.id().serviceCode() + (service.id().version() == null ? "" : "_" + service.id().version()))
                .add("summary", service.description() == null ? service.id().serviceCode() : service.description())
                .add("x-spean-pattern", service.pattern().wireName())
                .add("parameters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "X-Road-Client")
                        .add("in", "header").add("required", true)
                        .add("description", "The calling subsystem, INSTANCE/CLASS/MEMBER/SUBSYSTEM")
                        .add("schema", Json.createObjectBuilder().add("type", "string"))))
                .add("requestBody", Json.createObjectBuilder().add("required", true)
                        .add("content", json("application/json", service.requestSchema())))
                .add("responses", responses)
                .build();
    }

    private JsonObject json(String mediaType, SchemaId schema) {
        return Json.createObjectBuilder()
                .add(mediaType, Json.createObjectBuilder().add("schema", SpeanJson.readObject(schemas.text(schema))))
                .build();
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
