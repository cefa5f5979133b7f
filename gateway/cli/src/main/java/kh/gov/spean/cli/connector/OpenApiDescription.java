package kh.gov.spean.cli.connector;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * An OpenAPI 3.0 or 3.1 description (YAML or JSON), read and its references resolved by swagger-parser, seen as the
 * scaffold needs it: its operations, its base path, and its schemas and examples as JSON (schemas in draft 2020-12).
 */
final class OpenApiDescription {

    /** One operation: its method, path template, a name, and the parameters of the path item and its own. */
    record ApiOperation(String method, String pathTemplate, String name, List<Parameter> parameters, Operation operation) {
    }

    private final Path file;
    private final OpenAPI api;
    private final ObjectMapper mapper;
    private final JsonObject defs;
    private final List<String> warnings;

    private OpenApiDescription(Path file, OpenAPI api, List<String> warnings) {
        this.file = file;
        this.api = api;
        this.mapper = api.getSpecVersion() == SpecVersion.V31 ? Json31.mapper() : io.swagger.v3.core.util.Json.mapper();
        this.warnings = warnings;
        JsonObjectBuilder components = Json.createObjectBuilder();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> components.add(name, schema(schema)));
        }
        this.defs = components.build();
    }

    static OpenApiDescription read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw invalid("no OpenAPI description at " + file);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toString(), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getOpenapi() == null || !api.getOpenapi().startsWith("3.")) {
            throw invalid(file + " is not an OpenAPI 3.0 or 3.1 description" + (messages.isEmpty() ? ""
                    : ": " + String.join("; ", messages)));
        }
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            throw invalid(file + " describes no operation (no paths)");
        }
        return new OpenApiDescription(file, api, messages);
    }

    Path file() {
        return file;
    }

    OpenAPI api() {
        return api;
    }

    /** What swagger-parser found wrong but could read past. */
    List<String> warnings() {
        return warnings;
    }

    /** The component schemas, in draft 2020-12, by name: what {@code #/$defs/NAME} refers to. */
    JsonObject defs() {
        return defs;
    }

    String title() {
        return api.getInfo() == null || api.getInfo().getTitle() == null ? "API" : api.getInfo().getTitle();
    }

    /** One line saying what the API is: its title, and its summary or the first line of its description. */
    String summary() {
        String more = api.getInfo() == null ? null
                : api.getInfo().getSummary() != null ? api.getInfo().getSummary() : api.getInfo().getDescription();
        String line = more == null ? title() : title() + ": " + more.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    /** A service code made of the title, in lower camel case ({@code Animal Health Register} → animalHealthRegister). */
    String serviceCode() {
        StringBuilder code = new StringBuilder();
        for (String word : title().split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                code.append(code.isEmpty() ? word.substring(0, 1).toLowerCase(Locale.ROOT)
                        : word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return code.isEmpty() || !Character.isLetter(code.charAt(0)) ? "api" + code : code.toString();
    }

    /** The path of the first server's URL, its variables at their defaults ("" when there is none). */
    String basePath() {
        if (api.getServers() == null || api.getServers().isEmpty()) {
            return "";
        }
        Server server = api.getServers().get(0);
        String url = server.getUrl();
        if (server.getVariables() != null) {
            for (var variable : server.getVariables().entrySet()) {
                url = url.replace("{" + variable.getKey() + "}", variable.getValue().getDefault());
            }
        }
        String path = URI.create(url).getRawPath();
        path = path == null ? "" : path;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Every operation, in the order the description gives them. */
    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            PathItem item = path.getValue();
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (List<Parameter> level : Arrays.asList(item.getParameters(), operation.getParameters())) {
                    if (level != null) {
                        level.forEach(parameter -> parameters.put(parameter.getIn() + ":" + parameter.getName(), parameter));
                    }
                }
                String method = entry.getKey().name();
                String name = operation.getOperationId() != null ? operation.getOperationId()
                        : method.toLowerCase(Locale.ROOT) + path.getKey();
                operations.add(new ApiOperation(method, path.getKey(), name, List.copyOf(parameters.values()), operation));
            }
        }
        return operations;
    }

    /** A schema of the description as JSON Schema draft 2020-12. */
    JsonValue schema(Object schema) {
        return schema == null ? JsonValue.EMPTY_JSON_OBJECT : OpenApiSchemas.toDraft202012(json(schema));
    }

    /** An example's value: given inline, or the component it refers to. */
    Object exampleValue(Example example) {
        if (example.getValue() == null && example.get$ref() != null && api.getComponents() != null
                && api.getComponents().getExamples() != null) {
            Example named = api.getComponents().getExamples().get(example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1));
            return named == null ? null : named.getValue();
        }
        return example.getValue();
    }

    /** Any value of the description (a schema, an example) written as JSON. */
    JsonValue json(Object value) {
        try (JsonReader reader = Json.createReader(new StringReader(mapper.writeValueAsString(value)))) {
            return reader.readValue();
        } catch (JsonProcessingException e) {
            throw invalid("cannot write a part of " + file + " as JSON: " + e.getOriginalMessage());
        }
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, detail);
    }
}
