package kh.gov.spean.node.http;

import java.util.List;
import java.util.Locale;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps a form's body whole, as X-Road's REST protocol passes it to the provider (a multipart upload, its example
 * 6.6). Vert.x Web and Camel's platform-http take a {@code multipart/form-data} or
 * {@code application/x-www-form-urlencoded} body apart as they read it — files to a temporary folder, fields into the
 * message — and keep no bytes of it. So, before the body is read, the Content-Type of those two is set aside under
 * {@link #SET_ASIDE}, and {@link ReadServiceCall} reads it back from there. A client's own header of that name is
 * dropped first: it cannot pose as a content type.
 */
final class KeepFormBodiesWhole implements Handler<RoutingContext> {

    /** Where a form's Content-Type waits while the body is read. */
    static final String SET_ASIDE = "X-Spean-Form-Content-Type";

    @Override
    public void handle(RoutingContext context) {
        MultiMap headers = context.request().headers();
        headers.remove(SET_ASIDE);
        List<String> types = headers.getAll(XRoadHeaders.CONTENT_TYPE);
        if (types.stream().anyMatch(KeepFormBodiesWhole::isForm)) {
            headers.remove(XRoadHeaders.CONTENT_TYPE);
            headers.add(SET_ASIDE, types);
        }
        context.next();
    }

    private static boolean isForm(String type) {
        String lower = type.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/form-data") || lower.startsWith("application/x-www-form-urlencoded");
    }
}
