package kh.gov.spean.cli.connector;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * A connector scaffolded from an OpenAPI description: one service for the whole API, called X-Road REST style
 * ({@code /r1/SERVICE/path?query}, any method); a Camel route that passes the caller's method, path, query, headers
 * and body to the backend's base URL; one WireMock mapping and one example exchange per operation and response
 * example (JSON, text and binary bodies); request and response schemas gathering the operations' JSON bodies, and the
 * service's OpenAPI 3.1 description that references them ({@link KeptOpenApiDescription}). The
 * first example of each operation's first success answers any call of that operation; every other one answers
 * the calls that name it in {@value #EXAMPLE_HEADER}, which its example exchange sends.
 */
final class OpenApiScaffold implements ConnectorScaffold.Content {

    static final String EXAMPLE_HEADER = "X-Mock-Example";

    private static final Set<String> FIXED_HEADERS = Set.of("accept", "content-type", "content-length", "host",
            "connection", "authorization", "expect", "upgrade", "x-road-client");
    private static final Pattern NOT_A_NAME = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]*}");

    /** One response example to mock and to play: how its call is made, and what answers it. */
    private record Case(String name, OpenApiDescription.ApiOperation operation, int status, String description,
                        String mediaType, Body body, boolean answersAnyCall) {
    }

    /** A body: JSON, or bytes with a file extension (text or binary). Null members where there is none. */
    private record Body(JsonValue json, byte[] bytes, String extension) {
    }

    private final OpenApiDescription description;
    private final OpenApiSamples samples;
    private final List<String> skipped = new ArrayList<>();

    OpenApiScaffold(OpenApiDescription description) {
        this.description = description;
        this.samples = new OpenApiSamples(description.defs());
    }

    /** What was left out (operations, and what the nodes' layout cannot keep of the description), each with its reason. */
    List<String> skipped() {
        return skipped;
    }

    @Override
    public ConnectorScaffold.ScaffoldFiles files(Map<String, String> names) {
        String basePath = description.basePath();
        Map<String, byte[]> connector = new LinkedHashMap<>();
        connector.put("connector.json", ScaffoldTemplates.template("connector.json", names));
        connector.put("routes.camel.yaml", ScaffoldTemplates.fill(ROUTE, withBasePath(names, basePath))
                .getBytes(StandardCharsets.UTF_8));
        connector.put("wiremock/mappings/health.json", ScaffoldTemplates.template("wiremock/mappings/health.json", names));

        List<OpenApiDescription.ApiOperation> relayed = new ArrayList<>();
        Map<String, byte[]> requestExamples = new LinkedHashMap<>();
        Map<String, byte[]> responseExamples = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (OpenApiDescription.ApiOperation operation : description.operations()) {
            if (operation.method().equals("TRACE")) {
                skipped.add(operation.method() + " " + operation.pathTemplate() + ": X-Road's REST protocol relays no TRACE");
                continue;
            }
            relayed.add(operation);
            Request request = request(operation, connector);
            if (request.body() != null && request.body().json() != null) {
                requestExamples.put("valid/" + slug(operation.name()) + ".json", pretty(request.body().json()));
            }
            List<Case> cases = cases(operation, used);
            if (cases.isEmpty()) {
                skipped.add(operation.method() + " " + operation.pathTemplate() + ": no response with a status to mock");
                continue;
            }
            for (Case answer : cases) {
                connector.put("wiremock/mappings/" + answer.name() + ".json", mapping(answer, basePath, connector));
                connector.put("examples/" + answer.name() + ".json", example(answer, request, names));
                if (answer.status() / 100 == 2 && answer.body() != null && answer.body().json() != null) {
                    responseExamples.put("valid/" + answer.name() + ".json", pretty(answer.body().json()));
                }
                rows.add("| `" + answer.name() + "` | `" + operation.method() + " " + operation.pathTemplate() + "` | "
                        + answer.status() + (answer.mediaType() == null ? "" : " " + answer.mediaType()) + " |");
            }
        }
        connector.put("README.md", readme(names, basePath, rows));
        KeptOpenApiDescription.Kept kept = new KeptOpenApiDescription(description, skipped)
                .write(relayed, names.get("REQUEST_SCHEMA"), names.get("RESPONSE_SCHEMA"));
        return new ConnectorScaffold.ScaffoldFiles(connector,
                schemaFiles(names.get("REQUEST_SCHEMA"), "request", kept.requestBodies(), requestExamples, names),
                schemaFiles(names.get("RESPONSE_SCHEMA"), "response", kept.responseBodies(), responseExamples, names),
                pretty(kept.document()), description.summary());
    }

    private static Map<String, String> withBasePath(Map<String, String> names, String basePath) {
        Map<String, String> values = new LinkedHashMap<>(names);
        values.put("BACKEND_PATH", basePath);
        return values;
    }

    // ---- requests

    /** How an operation is called in its examples. */
    private record Request(String path, String query, Map<String, String> headers, String contentType, Body body,
                           String bodyFile) {
    }

    private Request request(OpenApiDescription.ApiOperation operation, Map<String, byte[]> connector) {
        String path = operation.pathTemplate();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.getIn() == null ? "" : parameter.getIn()) {
                case "path" -> path = path.replace("{" + parameter.getName() + "}", encodeSegment(value(parameter)));
                case "query" -> {
                    if (Boolean.TRUE.equals(parameter.getRequired()) || parameter.getExample() != null
                            || (parameter.getExamples() != null && !parameter.getExamples().isEmpty())) {
                        query.add(encodeQuery(parameter.getName()) + "=" + encodeQuery(value(parameter)));
                    }
                }
                case "header" -> {
                    if (Boolean.TRUE.equals(parameter.getRequired())
                            && !FIXED_HEADERS.contains(parameter.getName().toLowerCase(Locale.ROOT))) {
                        headers.put(parameter.getName(), value(parameter));
                    }
                }
                default -> { }
            }
        }
        String queryText = query.isEmpty() ? null : String.join("&", query);
        Content content = operation.operation().getRequestBody() == null ? null
                : operation.operation().getRequestBody().getContent();
        if (content == null || content.isEmpty()) {
            return new Request(path, queryText, headers, null, null, null);
        }
        Map.Entry<String, MediaType> chosen = content.entrySet().stream().filter(entry -> isJson(entry.getKey()))
                .findFirst().orElse(content.entrySet().iterator().next());
        List<Map.Entry<String, Object>> examples = examples(chosen.getValue());
        Body body = body(chosen.getKey(), chosen.getValue(), examples.get(0).getValue(), operation.name());
        String file = null;
        if (body.json() == null) {
            file = "examples/files/" + slug(operation.name()) + "-request" + body.extension();
            connector.put(file, body.bytes());
        }
        return new Request(path, queryText, headers, chosen.getKey(), body, file);
    }

    /** A parameter's example value as text: given in the description, else made from its schema. */
    private String value(Parameter parameter) {
        Object given = parameter.getExample();
        if (given == null && parameter.getExamples() != null && !parameter.getExamples().isEmpty()) {
            given = description.exampleValue(parameter.getExamples().values().iterator().next());
        }
        JsonValue value = given != null ? description.json(given) : samples.sample(description.schema(parameter.getSchema()));
        if (value.getValueType() == JsonValue.ValueType.ARRAY && !value.asJsonArray().isEmpty()) {
            value = value.asJsonArray().get(0);
        }
        return value instanceof JsonString text ? text.getString() : value.toString();
    }

    // ---- responses

    private List<Case> cases(OpenApiDescription.ApiOperation operation, Set<String> used) {
        Map<Integer, ApiResponse> byStatus = new TreeMap<>();
        if (operation.operation().getResponses() != null) {
            operation.operation().getResponses().forEach((code, response) -> {
                Integer status = status(code);
                if (status != null) {
                    byStatus.putIfAbsent(status, response);
                }
            });
            ApiResponse fallback = operation.operation().getResponses().getDefault();
            if (byStatus.isEmpty() && fallback != null) {
                byStatus.put(200, fallback);
            }
        }
        List<Integer> order = new ArrayList<>(byStatus.keySet());
        order.sort((a, b) -> Boolean.compare(a / 100 != 2, b / 100 != 2));   // successes first, then by code
        List<Case> cases = new ArrayList<>();
        for (int status : order) {
            ApiResponse response = byStatus.get(status);
            String text = response.getDescription() == null ? "" : response.getDescription().strip();
            Content content = response.getContent();
            boolean head = operation.method().equals("HEAD");
            if (content == null || content.isEmpty() || status == 204 || status == 304 || head) {
                cases.add(new Case(unique(slug(operation.name()) + "-" + status, used), operation, status, text, null, null,
                        cases.isEmpty()));
                continue;
            }
            Map.Entry<String, MediaType> chosen = content.entrySet().stream().filter(entry -> isJson(entry.getKey()))
                    .findFirst().orElse(content.entrySet().iterator().next());
            for (Map.Entry<String, Object> example : examples(chosen.getValue())) {
                String name = slug(operation.name()) + "-" + status + (example.getKey().isEmpty() ? "" : "-" + slug(example.getKey()));
                cases.add(new Case(unique(name, used), operation, status, text, chosen.getKey(),
                        body(chosen.getKey(), chosen.getValue(), example.getValue(), operation.name()), cases.isEmpty()));
            }
        }
        return cases;
    }

    /** {@code 404} → 404, {@code 4XX} → 400; {@code default} and anything else → null. */
    private static Integer status(String code) {
        if (code.matches("[1-5][0-9][0-9]")) {
            return Integer.parseInt(code);
        }
        return code.matches("[1-5]XX") ? (code.charAt(0) - '0') * 100 : null;
    }

    /** A media type's examples by name ("" for one unnamed); a single null value when it has none, to be made. */
    private List<Map.Entry<String, Object>> examples(MediaType media) {
        List<Map.Entry<String, Object>> examples = new ArrayList<>();
        if (media.getExamples() != null && !media.getExamples().isEmpty()) {
            for (Map.Entry<String, Example> example : media.getExamples().entrySet()) {
                examples.add(new SimpleEntry<>(example.getKey(), description.exampleValue(example.getValue())));
            }
        } else {
            examples.add(new SimpleEntry<>("", media.getExample()));
        }
        return examples;
    }

    /** The body of a media type: its example, or one made from its schema (JSON), its type (text) or its media type. */
    private Body body(String mediaType, MediaType media, Object example, String operation) {
        if (isJson(mediaType)) {
            return new Body(example != null ? description.json(example) : samples.sample(description.schema(media.getSchema())),
                    null, ".json");
        }
        if (example instanceof String text) {
            return new Body(null, text.getBytes(StandardCharsets.UTF_8), extensionOf(mediaType));
        }
        if (isText(mediaType)) {
            return new Body(null, ("Example answer of " + operation + ".\n").getBytes(StandardCharsets.UTF_8),
                    extensionOf(mediaType));
        }
        return new Body(null, binary(mediaType, operation), extensionOf(mediaType));
    }

    /** Bytes for a binary body: a small PDF for PDF, else every byte value once (so that a changed byte shows). */
    private static byte[] binary(String mediaType, String operation) {
        if (base(mediaType).equals("application/pdf")) {
            String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                    + "% example answer of " + operation + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
            return pdf.getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    // ---- files

    private byte[] mapping(Case answer, String basePath, Map<String, byte[]> connector) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("method", answer.operation().method())
                .add("urlPathPattern", literal(basePath) + pathPattern(answer.operation().pathTemplate()));
        int parameters = (int) answer.operation().pathTemplate().chars().filter(c -> c == '{').count();
        int priority = 1;
        if (answer.answersAnyCall()) {
            priority = Math.min(9, 5 + parameters);
        } else {
            request.add("headers", Json.createObjectBuilder().add(EXAMPLE_HEADER,
                    Json.createObjectBuilder().add("equalTo", answer.name())));
        }
        JsonObjectBuilder response = Json.createObjectBuilder().add("status", answer.status());
        Body body = answer.body();
        if (body != null) {
            response.add("headers", Json.createObjectBuilder().add("Content-Type", answer.mediaType()));
            if (body.json() != null && body.json().getValueType() == JsonValue.ValueType.OBJECT) {
                response.add("jsonBody", body.json());
            } else {
                connector.put("wiremock/__files/" + answer.name() + body.extension(), bodyBytes(body));
                response.add("bodyFileName", answer.name() + body.extension());
            }
        }
        return pretty(Json.createObjectBuilder().add("name", answer.operation().method() + " "
                + answer.operation().pathTemplate() + " → " + answer.status() + " (" + answer.name() + ")")
                .add("priority", priority).add("request", request).add("response", response).build());
    }

    private byte[] example(Case answer, Request request, Map<String, String> names) {
        OpenApiDescription.ApiOperation operation = answer.operation();
        JsonObjectBuilder example = Json.createObjectBuilder()
                .add("description", operation.method() + " " + operation.pathTemplate() + " → " + answer.status()
                        + (answer.description().isEmpty() ? "" : ": " + answer.description().lines().findFirst().orElse(""))
                        + " (scaffolded from the OpenAPI description)")
                .add("client", names.get("CLIENT_ID"))
                .add("service", names.get("SERVICE_ID"))
                .add("method", operation.method())
                .add("path", request.path());
        if (request.query() != null) {
            example.add("query", request.query());
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        if (!answer.answersAnyCall()) {
            headers.put(EXAMPLE_HEADER, answer.name());
        }
        if (!headers.isEmpty()) {
            JsonObjectBuilder given = Json.createObjectBuilder();
            headers.forEach(given::add);
            example.add("headers", given);
        }
        if (request.body() != null) {
            if (request.body().json() != null) {
                example.add("request", request.body().json());
                if (!base(request.contentType()).equals("application/json")) {
                    example.add("contentType", request.contentType());
                }
            } else {
                example.add("requestFile", request.bodyFile()).add("contentType", request.contentType());
            }
        }
        JsonObjectBuilder expect = Json.createObjectBuilder().add("status", answer.status());
        Body body = answer.body();
        if (body != null) {
            expect.add("headers", Json.createObjectBuilder().add("Content-Type", answer.mediaType()));
            if (body.json() != null && body.json().getValueType() == JsonValue.ValueType.OBJECT) {
                expect.add("body", body.json());
            } else {
                expect.add("bodyFile", "wiremock/__files/" + answer.name() + body.extension());
            }
        }
        return pretty(example.add("expect", expect).build());
    }

    private Map<String, byte[]> schemaFiles(String id, String kind, List<JsonValue> bodies, Map<String, byte[]> valid,
                                            Map<String, String> names) {
        JsonObjectBuilder schema = Json.createObjectBuilder()
                .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                .add("$id", "urn:spean:schema:" + id)
                .add("title", names.get("SERVICE") + " " + kind + " (" + names.get("SUBSYSTEM_ID") + ")")
                .add("description", (bodies.isEmpty()
                        ? "No operation of " + description.title() + " has a JSON " + kind + " body to check: any is taken."
                        : "The JSON " + kind + " bodies of " + description.title() + "'s operations, from its OpenAPI "
                                + "description: one of them" + (kind.equals("response") ? " (2xx answers)" : "") + ".")
                        + " Version 1.0.0.")
                .add("x-spean-version", "1.0.0");
        if (!description.defs().isEmpty()) {
            schema.add("$defs", description.defs());
        }
        if (!bodies.isEmpty()) {
            JsonArrayBuilder anyOf = Json.createArrayBuilder();
            new LinkedHashSet<>(bodies).forEach(anyOf::add);
            schema.add("anyOf", anyOf);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("schema.json", pretty(schema.build()));
        files.putAll(prefixed(valid.isEmpty() ? Map.of("valid/any-json.json", pretty(JsonValue.EMPTY_JSON_OBJECT)) : valid));
        files.put("examples/invalid/not-json.json", "{\"unfinished\": \n".getBytes(StandardCharsets.UTF_8));
        files.put("examples/invalid/expected.json", pretty(Json.createObjectBuilder()
                .add("not-json.json", "client.malformed_json").build()));
        return files;
    }

    private static Map<String, byte[]> prefixed(Map<String, byte[]> examples) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        examples.forEach((name, bytes) -> files.put("examples/" + name, bytes));
        return files;
    }

    private byte[] readme(Map<String, String> names, String basePath, List<String> rows) {
        String text = ScaffoldTemplates.fill("""
                # Connector: ${MEMBER_NAME} (`${SUBSYSTEM_ID}`)

                Serves `${SERVICE}`: %s, scaffolded by `spean connector new --openapi` from `%s`. Clients call it X-Road
                REST style, `/r1/${SERVICE_ID}/PATH?QUERY` with any method the description names; the route passes
                method, path, query, headers and body to `{backend}%s` and the backend's answers back as they are. Its
                OpenAPI 3.1 description, which both nodes check every call and answer against, is the repository's
                `schemas/${OPENAPI}/openapi.json`: the operations and parameters, JSON bodies checked against
                `schemas/${REQUEST_SCHEMA}` and `schemas/${RESPONSE_SCHEMA}`.

                | file | what |
                | --- | --- |
                | `connector.json` | subsystem, the service (route, request and response schemas), backend URL property and default |
                | `routes.camel.yaml` | `${ROUTE}` → `{backend}%s` + the caller's path and query, the caller's method |
                | `wiremock/` | the mock backend: one mapping per operation and response example |
                | `examples/` | one example exchange per mapping, played by `spean connector test connectors/${FOLDER}` |

                The first example of each operation's first success answers any call of that operation; the others answer
                calls that carry `%s: NAME`, as their examples do. The format of an example exchange (method, path,
                query, headers, body or body file; expected status, headers, body fields or exact bytes) is in the
                repository's `docs/connector-examples.md`.

                | example | operation | answer |
                | --- | --- | --- |
                """, names).formatted(description.title(), description.file().getFileName(), basePath, basePath,
                EXAMPLE_HEADER);
        return (text + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    // ---- small parts

    private static byte[] bodyBytes(Body body) {
        return body.json() != null ? pretty(body.json()) : body.bytes();
    }

    /** A WireMock path regex: the template's text as it is, each {parameter} one segment. */
    private static String pathPattern(String template) {
        StringBuilder pattern = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            pattern.append(literal(template.substring(last, parameter.start()))).append("[^/]+");
            last = parameter.end();
        }
        return pattern.append(literal(template.substring(last))).toString();
    }

    private static String literal(String text) {
        return text.replaceAll("[.+*?^$()\\[\\]{}|\\\\]", "\\\\$0");
    }

    static boolean isJson(String mediaType) {
        String base = base(mediaType);
        return base.equals("application/json") || base.endsWith("+json");
    }

    private static boolean isText(String mediaType) {
        String base = base(mediaType);
        return base.startsWith("text/") || base.equals("application/xml") || base.endsWith("+xml");
    }

    private static String base(String mediaType) {
        return mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String extensionOf(String mediaType) {
        return switch (base(mediaType)) {
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "text/csv" -> ".csv";
            case "text/html" -> ".html";
            case "application/xml", "text/xml" -> ".xml";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> base(mediaType).endsWith("+xml") ? ".xml" : ".bin";
        };
    }

    private static String slug(String name) {
        String slug = NOT_A_NAME.matcher(name).replaceAll("-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "operation" : slug;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    /** RFC 3986 §3.3: a path segment keeps its unreserved characters; every other byte is percent-encoded. */
    private static String encodeSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] pretty(JsonValue json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.write(json);
        }
        return (text.toString().strip() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final String ROUTE = """
            # ${SUBSYSTEM_ID}: ${SERVICE}, scaffolded from its OpenAPI description (schemas/${OPENAPI}/openapi.json).
            # The node hands over the client's method, the path and query after the service id (appended to this URL by the
            # HTTP call), the headers that travel end to end and the body: no method is fixed here. The backend's own
            # answers, its 4xx and redirects included, go back as they are; copyHeaders=false: only its own headers.
            """ + ScaffoldTemplates.PASS_THROUGH_ROUTE;
}
