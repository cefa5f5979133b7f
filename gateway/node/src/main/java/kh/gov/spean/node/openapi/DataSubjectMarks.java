package kh.gov.spean.node.openapi;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonPointer;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.ApiPath;
import com.atlassian.oai.validator.model.Request;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.ServiceId;

/**
 * Where a service's requests name their data subject, as its OpenAPI description marks it with
 * {@value #EXTENSION} (decision 0058): {@code true} on a path or query parameter, or, on an operation, a JSON pointer
 * into the request body ({@code "/nationalId"}). At most one mark per operation. Answers the subject's id of a request,
 * for the node to tag it at once: the id itself goes nowhere.
 */
public final class DataSubjectMarks {

    /** The OpenAPI extension that marks the data subject. */
    public static final String EXTENSION = "x-spean-data-subject";

    private enum Place { PATH, QUERY, BODY }

    /** One operation's mark: a parameter's name, or a pointer into the body. */
    private record Mark(Place place, String name, JsonPointer pointer) {
    }

    private final ApiOperationResolver operations;
    private final Map<String, Mark> marks;

    private DataSubjectMarks(ApiOperationResolver operations, Map<String, Mark> marks) {
        this.operations = operations;
        this.marks = marks;
    }

    /** Reads the marks of {@code api}; a mark that is not one of the forms above is a bad configuration. */
    static DataSubjectMarks of(ServiceId service, OpenAPI api) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        api.getPaths().forEach((template, path) -> path.readOperationsMap().forEach((method, operation) -> {
            List<Mark> found = new ArrayList<>();
            parameters(path, operation).forEach(parameter -> parameterMark(service, template, parameter)
                    .ifPresent(found::add));
            bodyMark(service, template, operation).ifPresent(found::add);
            if (found.size() > 1) {
                throw invalid(service, method + " " + template + " marks " + found.size()
                        + " data subjects with " + EXTENSION + "; a request names at most one");
            }
            if (!found.isEmpty()) {
                marks.put(key(method.name(), template), found.get(0));
            }
        }));
        return new DataSubjectMarks(new ApiOperationResolver(api, null, false), marks);
    }

    /**
     * These marks, if the federation holds the service as personal data; else {@code server.configuration_invalid}: a
     * service whose calls name citizens must make its callers declare a purpose and an official.
     */
    DataSubjectMarks onlyIfPersonalData(Federation.Service service) {
        if (any() && !service.personalData()) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, service.id() + "'s description marks a data "
                    + "subject, but the federation configuration does not mark the service personalData");
        }
        return this;
    }

    /** True when some operation of the service names a data subject. */
    public boolean any() {
        return !marks.isEmpty();
    }

    /**
     * The data subject's id a request names at its marked place, if it names one: none when its operation has no mark,
     * or the marked parameter or body field is absent, empty or not a string.
     */
    public Optional<String> subject(String method, String target, byte[] body) {
        if (marks.isEmpty()) {
            return Optional.empty();
        }
        OperationTarget parsed = OperationTarget.of(target);
        ApiOperationMatch match = operations.findApiOperation(parsed.path(), Request.Method.valueOf(method));
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return Optional.empty();
        }
        ApiOperation operation = match.getApiOperation();
        Mark mark = marks.get(key(method, operation.getApiPath().original()));
        if (mark == null) {
            return Optional.empty();
        }
        Optional<String> subject = switch (mark.place()) {
            case PATH -> pathParameter(operation, mark.name());
            case QUERY -> parsed.query().getOrDefault(mark.name(), List.of()).stream().findFirst();
            case BODY -> bodyField(body, mark.pointer());
        };
        return subject.filter(id -> !id.isBlank());
    }

    private static Optional<String> pathParameter(ApiOperation operation, String name) {
        ApiPath template = operation.getApiPath();
        for (int part = 0; part < template.numberOfParts(); part++) {
            if (template.hasParams(part)) {
                Optional<String> value = template.paramValues(part, operation.getRequestPath().part(part))
                        .getOrDefault(name, Optional.empty());
                if (value.isPresent()) {
                    // A path keeps "+" as it is; only percent-escapes are decoded.
                    return Optional.of(OperationTarget.decode(value.get().replace("+", "%2B")));
                }
            }
        }
        return Optional.empty();
    }

    /** The body has passed its schema check before this is asked: it is complete JSON (decision 0040). */
    private static Optional<String> bodyField(byte[] body, JsonPointer pointer) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue document = reader.readValue();
            if (!(document instanceof JsonStructure structure) || !pointer.containsValue(structure)) {
                return Optional.empty();
            }
            return pointer.getValue(structure) instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    /** The path's parameters, with the operation's own in place of any of the same name and place. */
    private static List<Parameter> parameters(PathItem path, Operation operation) {
        Map<String, Parameter> merged = new LinkedHashMap<>();
        for (List<Parameter> level : Arrays.asList(path.getParameters(), operation.getParameters())) {
            if (level != null) {
                level.forEach(parameter -> merged.put(parameter.getIn() + " " + parameter.getName(), parameter));
            }
        }
        return List.copyOf(merged.values());
    }

    private static Optional<Mark> parameterMark(ServiceId service, String template, Parameter parameter) {
        Object value = parameter.getExtensions() == null ? null : parameter.getExtensions().get(EXTENSION);
        if (value == null) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(value)) {
            throw invalid(service, "parameter '" + parameter.getName() + "' of " + template + ": " + EXTENSION
                    + " on a parameter is true or absent");
        }
        return switch (String.valueOf(parameter.getIn())) {
            case "path" -> Optional.of(new Mark(Place.PATH, parameter.getName(), null));
            case "query" -> Optional.of(new Mark(Place.QUERY, parameter.getName(), null));
            default -> throw invalid(service, "parameter '" + parameter.getName() + "' of " + template + " is in "
                    + parameter.getIn() + ": " + EXTENSION + " marks a path or query parameter only");
        };
    }

    private static Optional<Mark> bodyMark(ServiceId service, String template, Operation operation) {
        Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String pointer) || !pointer.startsWith("/") || !takesJson(operation)) {
            throw invalid(service, "an operation of " + template + ": " + EXTENSION + " on an operation is a JSON "
                    + "pointer into its JSON request body, such as \"/nationalId\"");
        }
        try {
            return Optional.of(new Mark(Place.BODY, null, Json.createPointer(pointer)));
        } catch (JsonException e) {
            throw invalid(service, "an operation of " + template + ": " + EXTENSION + " '" + pointer
                    + "' is not a JSON pointer");
        }
    }

    private static boolean takesJson(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().keySet().stream()
                        .allMatch(mediaType -> mediaType.toLowerCase(Locale.ROOT).contains("json"));
    }

    private static String key(String method, String template) {
        return method.toUpperCase(Locale.ROOT) + " " + template;
    }

    private static SpeanException invalid(ServiceId service, String problem) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, "service " + service + ": " + problem);
    }
}
