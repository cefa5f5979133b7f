package kh.gov.spean.node.openapi;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/**
 * A service's OpenAPI description as the federation keeps it ({@code schemas/NAME/vN/openapi.json}, digested with the
 * schemas), whose bodies reference the shared schemas by relative path ({@code ../../NAME/vN/schema.json}) — only the
 * service's own request and response schemas, so that the description and the payload checks cannot disagree. Given
 * whole, the shared schemas inlined, to whoever asks ({@code getOpenAPI}); given to the operation checks without the
 * body schemas, which networknt checks against the same files (decision 0049).
 */
public final class ServiceDescription {

    private static final Pattern SHARED_SCHEMA = Pattern.compile("\\.\\./\\.\\./([A-Za-z0-9][A-Za-z0-9._-]*)/(v[0-9]{1,4})/schema\\.json");
    private static final String REFERENCE = "$ref";

    /** The version the operation checks read every description as: see {@link #forOperationChecks()}. */
    static final String CHECKED_AS = "3.0.3";

    private final Federation.Service service;
    private final JsonObject kept;
    private final Map<SchemaId, JsonObject> referenced;

    private ServiceDescription(Federation.Service service, JsonObject kept, Map<SchemaId, JsonObject> referenced) {
        this.service = service;
        this.kept = kept;
        this.referenced = referenced;
    }

    /** Reads the service's kept description; a description that is not OpenAPI 3.0/3.1 or references another schema is a bad configuration. */
    public static ServiceDescription of(Federation.Service service, SchemaCatalog catalog) {
        SchemaId id = service.openApi();
        if (id == null || !catalog.isDescription(id)) {
            throw invalid(service, "its OpenAPI description " + id + " is not under the schemas folder");
        }
        JsonObject kept;
        try {
            kept = SpeanJson.readObject(catalog.text(id));
        } catch (RuntimeException e) {
            throw invalid(service, "its OpenAPI description " + id + " is not a JSON object: " + e.getMessage());
        }
        String version = kept.containsKey("openapi") && kept.get("openapi") instanceof JsonString text ? text.getString() : "";
        if (!version.startsWith("3.0.") && !version.startsWith("3.1.")) {
            throw invalid(service, "its description " + id + " is not OpenAPI 3.0 or 3.1 (openapi: '" + version + "')");
        }
        Set<SchemaId> named = new LinkedHashSet<>();
        collectSharedSchemas(kept, service, named);
        Map<SchemaId, JsonObject> referenced = new LinkedHashMap<>();
        for (SchemaId schema : named) {
            referenced.put(schema, SpeanJson.readObject(catalog.text(schema)));
        }
        return new ServiceDescription(service, kept, referenced);
    }

    /**
     * The description as kept, each shared schema it references inlined once under {@code components/schemas}
     * (named {@code NAME.vN}) and the reference pointed there, with the service's address at a node as its server.
     */
    public JsonObject withSchemasInlined() {
        JsonObjectBuilder document = Json.createObjectBuilder((JsonObject) rewrite(kept, true));
        document.add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("url", "/r1/" + service.id())
                .add("description", "At the caller's own member's node (X-Road's REST protocol)")));
        JsonObject components = kept.getJsonObject("components");
        JsonObjectBuilder schemas = Json.createObjectBuilder(components != null && components.containsKey("schemas")
                ? components.getJsonObject("schemas") : JsonValue.EMPTY_JSON_OBJECT);
        referenced.forEach((id, schema) -> schemas.add(componentName(id), schema));
        document.add("components", Json.createObjectBuilder(components == null ? JsonValue.EMPTY_JSON_OBJECT : components)
                .add("schemas", schemas));
        return document.build();
    }

    /**
     * The operations only, for the operation checks: the body schemas left out (networknt checks bodies against the
     * shared schemas, draft 2020-12, which the checks' own engine does not read), and the version given as 3.0, as the
     * validator checks parameters by the 3.0 rules only (its 3.1 path skips parameter schemas).
     */
    String forOperationChecks() {
        JsonObjectBuilder document = Json.createObjectBuilder((JsonObject) rewrite(kept, false));
        document.add("openapi", CHECKED_AS);
        return document.build().toString();
    }

    /** The description's operations as the checks read them; a description the parser cannot read is a bad configuration. */
    OpenAPI operations() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(forOperationChecks(), null, options);
        if (parsed.getOpenAPI() == null || parsed.getOpenAPI().getPaths() == null) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "an OpenAPI description does not parse: "
                    + parsed.getMessages());
        }
        return parsed.getOpenAPI();
    }

    /** Copies a JSON value; inlining, points shared-schema references at components, else drops media types' schemas. */
    private JsonValue rewrite(JsonValue value, boolean inlining) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((name, member) -> {
                if (name.equals(REFERENCE) && member instanceof JsonString reference) {
                    SchemaId shared = sharedSchema(reference.getString());
                    copy.add(name, shared == null ? reference.getString() : "#/components/schemas/" + componentName(shared));
                } else if (name.equals("content") && !inlining && member instanceof JsonObject mediaTypes) {
                    JsonObjectBuilder stripped = Json.createObjectBuilder();
                    mediaTypes.forEach((mediaType, entry) -> stripped.add(mediaType, entry instanceof JsonObject fields
                            ? Json.createObjectBuilder(fields).remove("schema").build() : entry));
                    copy.add(name, stripped);
                } else {
                    copy.add(name, rewrite(member, inlining));
                }
            });
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = Json.createArrayBuilder();
            array.forEach(item -> copy.add(rewrite(item, inlining)));
            return copy.build();
        }
        return value;
    }

    private static void collectSharedSchemas(JsonValue value, Federation.Service service, Set<SchemaId> named) {
        if (value instanceof JsonObject object) {
            object.forEach((name, member) -> {
                if (name.equals(REFERENCE) && member instanceof JsonString reference && !reference.getString().startsWith("#")) {
                    SchemaId shared = sharedSchema(reference.getString());
                    if (shared == null || !shared.equals(service.requestSchema()) && !shared.equals(service.responseSchema())) {
                        throw invalid(service, "its description references '" + reference.getString()
                                + "'; it may reference only its own schemas, as ../../NAME/vN/schema.json ("
                                + service.requestSchema() + (service.responseSchema() == null ? "" : ", " + service.responseSchema()) + ")");
                    }
                    named.add(shared);
                } else {
                    collectSharedSchemas(member, service, named);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> collectSharedSchemas(item, service, named));
        }
    }

    private static SchemaId sharedSchema(String reference) {
        Matcher matcher = SHARED_SCHEMA.matcher(reference);
        return matcher.matches() ? new SchemaId(matcher.group(1), matcher.group(2)) : null;
    }

    private static String componentName(SchemaId id) {
        return id.name() + "." + id.version();
    }

    private static SpeanException invalid(Federation.Service service, String problem) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, "service " + service.id() + ": " + problem);
    }
}
