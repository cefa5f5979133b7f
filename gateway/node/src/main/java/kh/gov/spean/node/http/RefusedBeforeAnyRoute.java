package kh.gov.spean.node.http;

import java.util.UUID;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.json.SpeanJson;

/**
 * Answers a request that Vert.x Web refuses with status 400 before any route — a path or query whose percent-escapes
 * do not decode, e.g. {@code /r1/%zz} — as the HTTP edge answers every refusal: problem+json with
 * {@code client.malformed_request}. Vert.x's own answer was a plain-text "Bad Request", and a stack trace in the node's
 * log for each such request.
 */
public final class RefusedBeforeAnyRoute implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        ProblemDetails problem = ProblemDetails.of(ErrorCode.MALFORMED_REQUEST, detail(context.failure()),
                context.request().path(), UUID.randomUUID().toString());
        context.response().setStatusCode(ErrorCode.MALFORMED_REQUEST.httpStatus())
                .putHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.PROBLEM_JSON)
                .putHeader(XRoadHeaders.ERROR, ErrorCode.MALFORMED_REQUEST.code())
                .end(Buffer.buffer(SpeanJson.toBytes(problem)));
    }

    /** Vert.x's reason, e.g. "Invalid escape sequence: %zz": the caller's own request, safe to say back. */
    private static String detail(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause != null && cause.getMessage() != null ? "the request cannot be read: " + cause.getMessage()
                : "the request cannot be read";
    }
}
