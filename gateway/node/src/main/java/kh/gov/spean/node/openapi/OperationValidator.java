package kh.gov.spean.node.openapi;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.swagger.v3.oas.models.OpenAPI;

import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.http.JsonBody;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Checks a call and a backend's answer against one service's OpenAPI description with Atlassian's
 * swagger-request-validator (decision 0049): the path template, the method, path, query and header parameters, the
 * request's content type and whether a required body is there; on an answer, its declared content type and headers.
 * Built once per description; safe for concurrent use.
 */
public final class OperationValidator {

    /** PR-REST's methods, in the order an {@code Allow} header lists them. */
    private static final List<Request.Method> METHODS = List.of(Request.Method.GET, Request.Method.HEAD,
            Request.Method.POST, Request.Method.PUT, Request.Method.PATCH, Request.Method.DELETE, Request.Method.OPTIONS);

    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;

    OperationValidator(OpenAPI api) {
        this.validator = OpenApiInteractionValidator.createFor(api)
                .withLevelResolver(LevelResolver.create()
                        // What the caller accepts is its own affair: Spean answers errors by Accept (decision 0048).
                        .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                        // A provider's own statuses pass through as they are (decision 0047).
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.operations = new ApiOperationResolver(api, null, false);
    }

    /** The checks of the description's operations; one the parser cannot read is a bad configuration. */
    public static OperationValidator of(ServiceDescription description) {
        return new OperationValidator(description.operations());
    }

    /**
     * The refusal a request earns, if any: {@code client.unknown_path}, {@code client.method_not_allowed} (with the
     * methods the path serves), {@code client.unsupported_media_type} or {@code client.request_invalid}. A body
     * without a content type is JSON, as everywhere in Spean ({@link JsonBody}).
     */
    public Optional<OperationRefusal> checkRequest(String method, RestFrame frame, byte[] body) {
        OperationTarget target = OperationTarget.of(frame.target());
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, target.path());
        target.query().forEach(request::withQueryParam);
        for (RestFrame.Field header : frame.headers()) {
            request.withHeader(header.name(), header.value());
        }
        if (frame.header(XRoadHeaders.CONTENT_TYPE) == null && body.length > 0) {
            request.withContentType(XRoadHeaders.JSON);
        }
        if (body.length > 0) {
            request.withBody(body);
        }
        List<ValidationReport.Message> errors = errors(validator.validateRequest(request.build()));
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        ErrorCode code = requestCode(errors);
        List<String> allowed = code == ErrorCode.METHOD_NOT_ALLOWED ? allowedMethods(target.path()) : List.of();
        return Optional.of(new OperationRefusal(code, describe(errors), allowed));
    }

    /** What in a 2xx answer to {@code method} on {@code target} breaks the description, if anything. */
    public Optional<String> checkAnswer(String method, String target, int status, RestFrame frame, byte[] body) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        for (RestFrame.Field header : frame.headers()) {
            response.withHeader(header.name(), header.value());
        }
        if (body.length > 0) {
            response.withBody(body);
        }
        List<ValidationReport.Message> errors = errors(validator.validateResponse(OperationTarget.of(target).path(),
                Request.Method.valueOf(method), response.build()));
        return errors.isEmpty() ? Optional.empty() : Optional.of(describe(errors));
    }

    private List<String> allowedMethods(String path) {
        return METHODS.stream().filter(method -> operations.findApiOperation(path, method).isOperationAllowed())
                .map(Enum::name).toList();
    }

    private static ErrorCode requestCode(List<ValidationReport.Message> errors) {
        TreeSet<String> keys = errors.stream().map(ValidationReport.Message::getKey).collect(Collectors.toCollection(TreeSet::new));
        if (keys.contains("validation.request.path.missing")) {
            return ErrorCode.UNKNOWN_PATH;
        }
        if (keys.contains("validation.request.operation.notAllowed")) {
            return ErrorCode.METHOD_NOT_ALLOWED;
        }
        if (keys.stream().anyMatch(key -> key.startsWith("validation.request.contentType"))) {
            return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
        }
        return ErrorCode.REQUEST_INVALID;
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR).toList();
    }

    private static String describe(List<ValidationReport.Message> errors) {
        return errors.stream().map(message -> message.getMessage().strip()).collect(Collectors.joining("; "));
    }
}
