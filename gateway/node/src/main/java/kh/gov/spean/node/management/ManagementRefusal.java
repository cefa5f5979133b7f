package kh.gov.spean.node.management;

import java.util.UUID;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.http.ProblemDetails;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Refuses a request on the management port as the node refuses any: RFC 9457 problem+json with the code, in the body
 * and in {@code X-Road-Error}, and a line in the node's log saying who was refused what, from where.
 */
final class ManagementRefusal {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementRefusal.class);

    private ManagementRefusal() {
    }

    static void refuse(RoutingContext context, ErrorCode code, String detail, String who) {
        String path = context.request().path();
        logRefusal(context, code, detail, who);
        context.response().setStatusCode(code.httpStatus())
                .putHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.PROBLEM_JSON)
                .putHeader(XRoadHeaders.ERROR, code.code());
        if (code == ErrorCode.UNAUTHENTICATED) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"spean-management\"");
        }
        context.response().end(Buffer.buffer(SpeanJson.toBytes(
                ProblemDetails.of(code, detail, path, UUID.randomUUID().toString()))));
    }

    /** A person opening a page without a login is sent to the login page; the refusal is still coded and logged. */
    static void sendToLogin(RoutingContext context) {
        logRefusal(context, ErrorCode.UNAUTHENTICATED, "sent to /login", "nobody");
        context.response().putHeader("Location", "/login").putHeader(XRoadHeaders.ERROR,
                ErrorCode.UNAUTHENTICATED.code()).setStatusCode(303).end();
    }

    private static void logRefusal(RoutingContext context, ErrorCode code, String detail, String who) {
        LOG.warn("management port refused {} {} from {} ({}): {} {}", context.request().method(),
                context.request().path(), context.request().remoteAddress(), who, code.code(), detail);
    }
}
