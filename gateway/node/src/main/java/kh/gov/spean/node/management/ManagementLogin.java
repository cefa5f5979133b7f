package kh.gov.spean.node.management;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;

/**
 * {@code POST /login} (a form: name, password) and {@code POST /logout} on the management port. A good password
 * opens a session whose cookie is Secure, HttpOnly and SameSite=Strict, and sends the browser to its role's page; a
 * wrong one is refused with {@code client.unauthenticated} after the same Argon2id work as a right one.
 */
final class ManagementLogin {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementLogin.class);
    /** Argon2id takes 19 MiB and tens of milliseconds a try: at most this many at once, the rest refused. */
    private static final int CONCURRENT_VERIFICATIONS = 2;

    private final ManagementUsers users;
    private final ManagementSessions sessions;
    private final Set<String> hostNames;
    private final Semaphore verifications = new Semaphore(CONCURRENT_VERIFICATIONS);

    ManagementLogin(ManagementUsers users, ManagementSessions sessions, Set<String> hostNames) {
        this.users = users;
        this.sessions = sessions;
        this.hostNames = hostNames;
    }

    void logIn(RoutingContext context) {
        if (!sameOrigin(context)) {
            ManagementRefusal.refuse(context, ErrorCode.HOST_NOT_ALLOWED, "a login form must come from this port's own page",
                    "Origin " + context.request().getHeader("Origin"));
            return;
        }
        String name = context.request().getFormAttribute("name");
        String password = context.request().getFormAttribute("password");
        if (name == null || password == null || name.length() > 64 || password.length() > 1024) {
            ManagementRefusal.refuse(context, ErrorCode.MALFORMED_REQUEST,
                    "a login is a form with a name and a password", "a login form");
            return;
        }
        if (!verifications.tryAcquire()) {
            ManagementRefusal.refuse(context, ErrorCode.RATE_LIMITED, "too many logins at once; try again", name);
            return;
        }
        context.vertx().<Optional<ManagementUser>>executeBlocking(() -> {
            try {
                Optional<ManagementUser> user = users.byName(name).filter(candidate -> candidate.passwordHash() != null);
                if (user.isEmpty()) {
                    PasswordHash.spendOneVerification(password.toCharArray());
                    return Optional.empty();
                }
                return user.filter(found -> PasswordHash.verify(password.toCharArray(), found.passwordHash()));
            } finally {
                verifications.release();
            }
        }, false).onComplete(result -> {
            if (result.failed() || result.result().isEmpty()) {
                ManagementRefusal.refuse(context, ErrorCode.UNAUTHENTICATED, "wrong name or password", name);
                return;
            }
            ManagementUser user = result.result().get();
            Cookie cookie = Cookie.cookie(ManagementGuard.SESSION_COOKIE, sessions.open(user.name())).setPath("/")
                    .setSecure(true).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                    .setMaxAge(ManagementSessions.LIFETIME.toSeconds());
            LOG.info("management login: {} ({}) from {}", user.name(), user.role(), context.request().remoteAddress());
            context.response().addCookie(cookie)
                    .putHeader("Location", user.roleValue() == Role.AUDITOR ? "/audit" : "/monitoring")
                    .setStatusCode(303).end();
        });
    }

    void logOut(RoutingContext context) {
        Cookie cookie = context.request().getCookie(ManagementGuard.SESSION_COOKIE);
        sessions.close(cookie == null ? null : cookie.getValue());
        context.response().addCookie(Cookie.cookie(ManagementGuard.SESSION_COOKIE, "").setPath("/").setSecure(true)
                        .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setMaxAge(0))
                .putHeader("Location", "/login").setStatusCode(303).end();
    }

    /** A browser names the page a form came from; it must be one of this port's own names (login CSRF). */
    private boolean sameOrigin(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return "https".equals(uri.getScheme()) && uri.getHost() != null
                    && hostNames.contains(ManagementSettings.bare(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
