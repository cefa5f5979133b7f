package kh.gov.spean.node.management;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser sessions of users who logged in with a password, in memory (a restart logs everyone out). A session id
 * is 256 random bits; it ends after {@link #IDLE} without a request, {@link #LIFETIME} after the login, or at logout.
 */
final class ManagementSessions {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final int MAX_SESSIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(String user, Instant started, Instant lastSeen) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    ManagementSessions(Clock clock) {
        this.clock = clock;
    }

    /** Opens a session for the user and returns its id. */
    String open(String user) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> ended(session, now));
        if (sessions.size() >= MAX_SESSIONS) {
            // Bounded: logins cannot grow the node's memory without end; the oldest session goes first.
            sessions.entrySet().stream().min(Map.Entry.comparingByValue(
                    (a, b) -> a.lastSeen().compareTo(b.lastSeen()))).ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(encoded, new Session(user, now, now));
        return encoded;
    }

    /** The user of a live session, which this request keeps alive. */
    Optional<String> user(String id) {
        Session session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (ended(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.replace(id, session, new Session(session.user(), session.started(), now));
        return Optional.of(session.user());
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static boolean ended(Session session, Instant now) {
        return session.lastSeen().plus(IDLE).isBefore(now) || session.started().plus(LIFETIME).isBefore(now);
    }
}
