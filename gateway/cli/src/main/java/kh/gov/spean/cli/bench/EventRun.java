package kh.gov.spean.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.vertx.core.Future;

import kh.gov.spean.node.GatewayNode;

/**
 * Events through the full path: the blocklist of Posts and Telecommunications publishes that a site is blocked, and
 * its node seals, signs and logs one copy for each subscriber — Interior's anti-scam unit and the business registry of
 * Economy and Finance — and puts each on that subscriber's inbox topic; each subscriber's node verifies, opens,
 * validates and logs its copy and hands it to its connector, which posts it to the bench's register. Each client
 * publishes its next event only when every copy of its last has reached the register, so the rate is what the path
 * delivers and the latency runs from publishing to the last copy's arrival. Afterwards every copy of every event
 * accepted during the run, warm-up included, must have arrived: one that has not is lost.
 */
final class EventRun {

    static final String PUBLISHER = "KH/GOV/MPTC/WEB-BLOCKLIST";
    static final String EVENT = "KH/GOV/MPTC/WEB-BLOCKLIST/siteBlocked";
    /** The subscribers' connectors, pointed at the bench's own backend, and the path each posts its copies to. */
    static final Map<String, String> SUBSCRIBER_PATHS = Map.of(
            "moi-anti-scam", "/anti-scam/v1/notices/site-blocked",
            "mef-business-registry", "/business-registry/v1/notices/site-blocked");
    /** An event's number is in the name of the domain it blocks. */
    private static final Pattern EVENT_NUMBER = Pattern.compile("blocked-([0-9]+)\\.example");
    /** An event with a copy not at the register this long after its 202 counts as an error of the window. */
    private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(30);
    /** How long the copies of the last events may take to arrive once the clients have stopped. */
    private static final Duration COPIES_LIMIT = Duration.ofSeconds(60);

    /**
     * What the run measured: the measured window's rate and latency (from publishing to the last copy's arrival at the
     * register), and over the whole run the events accepted, the copies they should have made, those that arrived and
     * those the register took twice.
     */
    record Result(LoadRun.Result window, long published, long copiesExpected, long copiesDelivered, long duplicates) {

        /** Events with no answer in the window, and copies of accepted events that never arrived. */
        long lost() {
            return window.lost() + copiesExpected - copiesDelivered;
        }
    }

    private EventRun() {
    }

    /** Each subscriber's copies as the register takes them: with a 204, told by the number in the blocked domain. */
    static List<Arrivals> copiesTaken() {
        return SUBSCRIBER_PATHS.values().stream().sorted()
                .map(path -> new Arrivals(path, 204, "domain", EVENT_NUMBER)).toList();
    }

    /** The event numbered {@code number}: a valid {@code siteBlocked} event whose domain carries its number. */
    static String event(long number) {
        return "{\"domain\":\"blocked-" + number + ".example\",\"blockedAt\":\"2026-11-24T11:30:00Z\","
                + "\"category\":\"phishing\",\"reportCaseNumbers\":[\"AS-2026-000123\"],"
                + "\"orderReference\":\"MPTC-BLK-2026-0042\",\"noticeEn\":\"This website was blocked for phishing.\"}";
    }

    /**
     * Publishes events at {@code publisher}'s node (MPTC's); each subscriber's copies arrive at the bench's register,
     * where {@code taken} ({@link #copiesTaken()}) tells them.
     */
    static Result measure(LoadRun load, GatewayNode publisher, List<Arrivals> taken, int clients, Duration warmUp,
                          Duration measured) throws InterruptedException {
        List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
        LoadRun.Verdict allArrived = (number, answer, context) -> {
            if (answer.status() != 202) {
                return Future.succeededFuture(false);
            }
            accepted.add(number);
            List<Future<Void>> copies = taken.stream().map(each -> each.arrival(number, ARRIVAL_LIMIT, context)).toList();
            return Future.all(copies).map(true).otherwise(false);
        };
        LoadRun.Result window = load.run("event", LoadRun.postNumbered(publisher.baseUri().resolve("/r1/" + EVENT),
                PUBLISHER, EventRun::event), allArrived, clients, warmUp, measured);
        List<Long> published = new ArrayList<>(accepted);
        long delivered = 0;
        long duplicates = 0;
        long deadline = System.nanoTime() + COPIES_LIMIT.toNanos();
        for (Arrivals subscriber : taken) {
            delivered += subscriber.arrivedOf(published, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            duplicates += subscriber.duplicates();
        }
        return new Result(window, published.size(), published.size() * taken.size(), delivered, duplicates);
    }
}
