package kh.gov.spean.cli.connector;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.FederationSeed;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.validation.SchemaCatalog;

/**
 * Writes a new ministry's connector in the shape every connector has — descriptor, Camel YAML route, WireMock backend,
 * example exchange, README — with its request and response schemas (valid and invalid examples) and, when the content
 * gives one, its OpenAPI description ({@code schemas/NAME.openapi/v1/openapi.json}), and adds the
 * member, its subsystem, the service and one client's access right to the federation seed. It works at once:
 * {@code spean init} then {@code spean connector test} passes; the ministry then edits the schemas and the mock.
 *
 * @param repository the folder holding {@code seeds/}, {@code schemas/} and {@code connectors/}
 */
public record ConnectorScaffold(Path repository) {

    /** What the scaffold made, for the command to print. */
    public record Result(Path connector, SchemaNames schemas, List<Path> files) {
    }

    /** The schema ids of the new service, and the id its OpenAPI description has when the scaffold writes one. */
    public record SchemaNames(String request, String response, String openApi) {
    }

    private static final Pattern DEFAULT_PORT = Pattern.compile("\"default\"\\s*:\\s*\"https?://localhost:(\\d+)\"");

    /**
     * The files of a new connector and of its two schemas, keyed by path in their folder; the service's OpenAPI
     * description in the nodes' layout (null when there is none: the service gets the payload checks alone); and what
     * the service does.
     */
    public record ScaffoldFiles(Map<String, byte[]> connector, Map<String, byte[]> requestSchema,
                                Map<String, byte[]> responseSchema, byte[] openApi, String serviceDescription) {
    }

    /** What a scaffold writes, given the names it chose ({@code SUBSYSTEM_ID}, {@code ROUTE}, {@code PORT}...). */
    public interface Content {
        ScaffoldFiles files(Map<String, String> names);
    }

    /** The connector of one JSON POST service, from {@link ScaffoldTemplates}. */
    public Result create(ServiceId service, SubsystemId client, String memberName, String memberNameKm) {
        return create(service, client, memberName, memberNameKm, ScaffoldTemplates::files);
    }

    public Result create(ServiceId service, SubsystemId client, String memberName, String memberNameKm, Content content) {
        SubsystemId subsystem = service.subsystem();
        String memberCode = service.member().memberCode();
        String folderName = (memberCode + "-" + subsystem.subsystemCode()).toLowerCase(Locale.ROOT);
        Path connector = repository.resolve("connectors").resolve(folderName);
        String prefix = memberCode.toLowerCase(Locale.ROOT) + "." + service.serviceCode();
        SchemaNames schemas = new SchemaNames(prefix + ".request/v1", prefix + ".response/v1", prefix + ".openapi/v1");
        if (Files.exists(connector)) {
            throw invalid("the connector folder " + connector + " exists already");
        }
        for (String schema : List.of(schemas.request(), schemas.response(), schemas.openApi())) {
            if (Files.exists(repository.resolve("schemas").resolve(schema))) {
                throw invalid("the schema folder schemas/" + schema + " exists already");
            }
        }
        Path seedFile = repository.resolve("seeds").resolve("federation.json");
        // Checked as spean init checks it, so that a broken seed is said as such and not as a failure to edit it.
        FederationSeed.read(seedFile);
        JsonObject seed = read(seedFile);
        if (seed.getJsonArray("services").stream().anyMatch(s -> s.asJsonObject().getString("id").equals(service.toString()))) {
            throw invalid("the seed already declares " + service);
        }
        SubsystemId caller = client != null ? client : subsystem;
        if (!caller.equals(subsystem) && !declares(seed, caller)) {
            throw invalid("the client " + caller + " is not a subsystem the seed declares");
        }

        List<Path> written = new ArrayList<>();
        String route = "direct:" + subsystem.subsystemCode() + "." + service.serviceCode();
        String backendPath = "/" + subsystem.subsystemCode().toLowerCase(Locale.ROOT) + "/v1/" + service.serviceCode();
        String backendProperty = "connector." + folderName + ".backend-url";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SUBSYSTEM_ID", subsystem.toString());
        values.put("SERVICE_ID", service.toString());
        values.put("SERVICE", service.serviceCode());
        values.put("ROUTE", route);
        values.put("BACKEND_PATH", backendPath);
        values.put("BACKEND_PROPERTY", backendProperty);
        values.put("PORT", Integer.toString(nextBackendPort()));
        values.put("FOLDER", folderName);
        values.put("REQUEST_SCHEMA", schemas.request());
        values.put("RESPONSE_SCHEMA", schemas.response());
        values.put("OPENAPI", schemas.openApi());
        values.put("CLIENT_ID", caller.toString());
        values.put("MEMBER_NAME", memberName == null ? service.member().toString() : memberName);

        ScaffoldFiles files = content.files(values);
        files.connector().forEach((name, bytes) -> written.add(write(connector.resolve(name), bytes)));
        files.requestSchema().forEach((name, bytes) ->
                written.add(write(repository.resolve("schemas").resolve(schemas.request()).resolve(name), bytes)));
        files.responseSchema().forEach((name, bytes) ->
                written.add(write(repository.resolve("schemas").resolve(schemas.response()).resolve(name), bytes)));
        String openApi = files.openApi() == null ? null : schemas.openApi();
        if (openApi != null) {
            written.add(write(repository.resolve("schemas").resolve(openApi).resolve(SchemaCatalog.DESCRIPTION_FILE),
                    files.openApi()));
        }
        writeJson(seedFile, withService(seed, service, caller, schemas, openApi, files.serviceDescription(), memberName,
                memberNameKm));
        written.add(seedFile);
        return new Result(connector, schemas, written);
    }

    private static boolean declares(JsonObject seed, SubsystemId subsystem) {
        return seed.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .filter(member -> member.getString("id").equals(subsystem.member().toString()))
                .anyMatch(member -> member.getJsonArray("subsystems").getValuesAs(JsonString::getString)
                        .contains(subsystem.subsystemCode()));
    }

    private static JsonObject withService(JsonObject seed, ServiceId service, SubsystemId client, SchemaNames schemas,
                                          String openApi, String description, String memberName, String memberNameKm) {
        SubsystemId subsystem = service.subsystem();
        JsonArrayBuilder members = Json.createArrayBuilder();
        boolean found = false;
        for (JsonValue value : seed.getJsonArray("members")) {
            JsonObject member = value.asJsonObject();
            if (member.getString("id").equals(subsystem.member().toString())) {
                found = true;
                JsonArray subsystems = member.getJsonArray("subsystems");
                boolean has = subsystems.getValuesAs(JsonString::getString).contains(subsystem.subsystemCode());
                members.add(has ? member : Json.createObjectBuilder(member).add("subsystems",
                        Json.createArrayBuilder(subsystems).add(subsystem.subsystemCode())).build());
            } else {
                members.add(member);
            }
        }
        if (!found) {
            JsonObjectBuilder member = Json.createObjectBuilder().add("id", subsystem.member().toString())
                    .add("name", memberName == null ? subsystem.member().memberCode() : memberName);
            if (memberNameKm != null) {
                member.add("nameKm", memberNameKm);
            }
            members.add(member.add("subsystems", Json.createArrayBuilder().add(subsystem.subsystemCode())));
        }
        JsonObjectBuilder serviceEntry = Json.createObjectBuilder().add("id", service.toString())
                .add("description", description)
                .add("requestSchema", schemas.request()).add("responseSchema", schemas.response());
        if (openApi != null) {
            serviceEntry.add("openapi", openApi);
        }
        JsonObject right = Json.createObjectBuilder().add("client", client.toString()).add("service", service.toString()).build();
        return Json.createObjectBuilder(seed)
                .add("members", members)
                .add("services", Json.createArrayBuilder(seed.getJsonArray("services")).add(serviceEntry))
                .add("accessRights", Json.createArrayBuilder(seed.getJsonArray("accessRights")).add(right))
                .build();
    }

    /** One above the highest default backend port any connector uses, so the new mock does not collide. */
    private int nextBackendPort() {
        int highest = 8090;
        try (Stream<Path> descriptors = Files.list(repository.resolve("connectors"))) {
            for (Path folder : descriptors.toList()) {
                Path descriptor = folder.resolve("connector.json");
                if (Files.isRegularFile(descriptor)) {
                    Matcher port = DEFAULT_PORT.matcher(Files.readString(descriptor));
                    while (port.find()) {
                        highest = Math.max(highest, Integer.parseInt(port.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return highest + 1;
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static JsonObject read(Path file) {
        try {
            return SpeanJson.readObject(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeJson(Path file, JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.writeObject(json);
        }
        write(file, (text.toString().strip() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, detail);
    }
}
