package kh.gov.spean.node.management;

import java.util.Optional;
import java.util.Set;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import kh.gov.spean.error.ErrorCode;

/**
 * In front of every route of the management port: answers only for the allowed {@code Host} names, puts the strict
 * headers on every answer, and lets a request through only from an authenticated user whose role covers the path
 * (auditor: {@code /audit}; operator: {@code /metrics}, {@code /monitoring}, {@code /health}). Open without a login:
 * {@code /health/live}, the login page, the static files and {@code /favicon.ico} (none served: 404), none of which
 * tell anything about the node's traffic.
 */
final class ManagementGuard implements Handler<RoutingContext> {

    static final String SESSION_COOKIE = "spean-session";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Set<String> hostNames;
    private final ManagementUsers users;
    private final ManagementSessions sessions;

    ManagementGuard(Set<String> hostNames, ManagementUsers users, ManagementSessions sessions) {
        this.hostNames = hostNames;
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public void handle(RoutingContext context) {
        // Set as the headers go out, so that no route's answer, nor a refusal, leaves without them.
        context.addHeadersEndHandler(ignored -> context.response().headers()
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                // Not no-referrer: with it a browser sends "Origin: null" on the login form, which must be refused.
                .set("Referrer-Policy", "same-origin")
                .set("Cache-Control", "no-store")
                .set("Strict-Transport-Security", "max-age=31536000"));
        HttpServerRequest request = context.request();
        String host = hostOf(request.getHeader("Host"));
        if (host == null || !hostNames.contains(host)) {
            ManagementRefusal.refuse(context, ErrorCode.HOST_NOT_ALLOWED, "this port answers for " + hostNames
                    + " only (the node's --management-allowed-host)", "Host " + request.getHeader("Host"));
            return;
        }
        String path = context.normalizedPath();
        if (isOpen(request.method(), path)) {
            context.next();
            return;
        }
        Optional<ManagementUser> user = authenticate(context);
        if (user.isEmpty()) {
            if (request.method() == HttpMethod.GET && "/audit".equals(path)) {
                ManagementRefusal.sendToLogin(context);
                return;
            }
            ManagementRefusal.refuse(context, ErrorCode.UNAUTHENTICATED,
                    "log in at /login, or send 'Authorization: Bearer TOKEN'", "nobody");
            return;
        }
        Role required = requiredRole(path);
        if (required != null && user.get().roleValue() != required) {
            ManagementRefusal.refuse(context, ErrorCode.ROLE_FORBIDDEN, "this path is for the " + required.wireName()
                    + " role; " + user.get().name() + " is an " + user.get().role(), user.get().name());
            return;
        }
        context.next();
    }

    /** The role a path needs, or null for a path any authenticated user may ask for (logout; unknown paths: 404). */
    static Role requiredRole(String path) {
        if (path.equals("/audit") || path.startsWith("/audit/")) {
            return Role.AUDITOR;
        }
        if (path.equals("/metrics") || path.equals("/monitoring") || path.equals("/health")
                || path.startsWith("/health/")) {
            return Role.OPERATOR;
        }
        return null;
    }

    private static boolean isOpen(HttpMethod method, String path) {
        // A browser asks for /favicon.ico by itself: the open answer is a coded 404, not a refusal in the log.
        return (method == HttpMethod.GET && (path.equals("/health/live") || path.equals("/login")
                || path.startsWith("/static/") || path.equals("/favicon.ico")))
                || (method == HttpMethod.POST && path.equals("/login"));
    }

    private Optional<ManagementUser> authenticate(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return users.byToken(authorization.substring(7).trim());
        }
        Cookie cookie = context.request().getCookie(SESSION_COOKIE);
        return sessions.user(cookie == null ? null : cookie.getValue()).flatMap(users::byName);
    }

    /** The host name of a Host header, lower case, without port or brackets; null if there is none. */
    static String hostOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? null : ManagementSettings.bare(value.substring(0, end + 1));
        }
        int colon = value.indexOf(':');
        return ManagementSettings.bare(colon < 0 ? value : value.substring(0, colon));
    }
}
