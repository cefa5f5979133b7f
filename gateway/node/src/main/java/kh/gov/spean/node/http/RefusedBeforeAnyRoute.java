package kh.gov.spean.node.http;

import java.util.UUID;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;

/**
 * Answers the requests that Vert.x refuses before any route as the HTTP edge answers every refusal: X-Road's error
 * body as the caller accepts it ({@link ErrorBody}) with the code in {@code X-Road-Error}, recorded as a refused call is. Vert.x's own answers were a status with
 * an empty body (a request line or headers beyond its default limits, which Camel's server keeps: 4,096 and 8,192
 * bytes; a request its HTTP/1.1 decoder cannot read) or a plain-text "Bad Request" and a stack trace in the node's
 * log (a path or query whose percent-escapes do not decode, e.g. {@code /r1/%zz}).
 */
public final class RefusedBeforeAnyRoute {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedBeforeAnyRoute.class);

    /**
     * Where such a refusal is kept, as a refused call is: the message log, the node's log, its metrics and operational
     * records. Called on a worker thread once the answer is sent: it may wait (the message log, for its disk).
     */
    @FunctionalInterface
    public interface RefusalRecord {
        /** {@code path} is null when the request was not read that far. */
        void record(ErrorCode code, String detail, String path, int answerBytes);
    }

    private final RefusalRecord refusals;

    public RefusedBeforeAnyRoute(RefusalRecord refusals) {
        this.refusals = refusals;
    }

    /** For {@code vertx}'s HTTP server: a request its decoder could not read, whose connection it then closes. */
    public Handler<HttpServerRequest> undecodableRequest(Vertx vertx) {
        return request -> {
            DecoderResult result = request.decoderResult();
            Throwable cause = result == null ? null : result.cause();
            ErrorCode code = cause instanceof TooLongHttpLineException ? ErrorCode.TARGET_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? ErrorCode.HEADERS_TOO_LARGE
                    : ErrorCode.MALFORMED_REQUEST;
            // The decoder stopped part-way: what it read of the path may be cut short, so none is named.
            answer(vertx, request.response(), request.getHeader("Accept"), code, detail(code, cause), null);
        };
    }

    /** For Vert.x Web's router: a path or query that does not decode, which the router fails with status 400. */
    public Handler<RoutingContext> undecodableTarget() {
        return context -> {
            if (!context.response().ended()) {
                answer(context.vertx(), context.response(), context.request().getHeader("Accept"),
                        ErrorCode.MALFORMED_REQUEST,
                        detail(ErrorCode.MALFORMED_REQUEST, context.failure()), context.request().path());
            }
        };
    }

    /**
     * For a step that refuses a request from its headers alone (AuthenticateClient): answered at once, its body never
     * read, and its connection closed after the answer so that the unread body is not taken for the next request.
     */
    public void refuseUnread(RoutingContext context, ErrorCode code, String detail) {
        context.response().putHeader("Connection", "close");
        answer(context.vertx(), context.response(), context.request().getHeader("Accept"), code, detail,
                context.request().path());
    }

    private void answer(Vertx vertx, HttpServerResponse response, String accept, ErrorCode code, String detail,
                        String path) {
        ErrorBody error = ErrorBody.of(accept, code, detail, path, UUID.randomUUID().toString());
        byte[] body = error.bytes();
        // Answered at once, on the event loop: Vert.x Web answers for itself a failure its error handler leaves open.
        response.setStatusCode(code.httpStatus())
                .putHeader(XRoadHeaders.CONTENT_TYPE, error.contentType())
                .putHeader(XRoadHeaders.ERROR, code.code())
                .end(Buffer.buffer(body));
        vertx.executeBlocking(() -> {
            refusals.record(code, detail, path, body.length);
            return null;
        }, false).onFailure(failure -> LOG.error("cannot record a refusal before any route ({})", code, failure));
    }

    /** Vert.x's or Netty's reason, e.g. "invalid version format: HTTP/1.X": the caller's own request, safe to say. */
    private static String detail(ErrorCode code, Throwable failure) {
        if (code == ErrorCode.TARGET_TOO_LONG) {
            return "the request line (method, path and query) is longer than "
                    + HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH + " bytes";
        }
        if (code == ErrorCode.HEADERS_TOO_LARGE) {
            return "the request's headers are larger than " + HttpServerOptions.DEFAULT_MAX_HEADER_SIZE + " bytes";
        }
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause != null && cause.getMessage() != null ? "the request cannot be read: " + cause.getMessage()
                : "the request cannot be read";
    }
}
