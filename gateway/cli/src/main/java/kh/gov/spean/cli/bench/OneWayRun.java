package kh.gov.spean.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import io.vertx.core.Future;

import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.oneway.MessageStatusPath;

/**
 * One-way messages through the full path: Interior's anti-scam unit reports scam sites to the blocklist of Posts and
 * Telecommunications, each report signed, sealed, validated and logged at both ends, answered 202 by the client's node
 * once it is on disk, delivered over Kafka and receipted. Each client sends its next report only when its last has
 * reached the register, so the rate is what the path delivers, not what the client's node can store. Afterwards every
 * report accepted during the run, warm-up included, must have come back with its receipt: one that has not is lost.
 */
final class OneWayRun {

    static final String CLIENT = "KH/GOV/MOI/ANTI-SCAM";
    static final String SERVICE = "KH/GOV/MPTC/WEB-BLOCKLIST/reportScamSite";
    /** The connector of the service called, pointed at the bench's own backend, and the path that backend takes. */
    static final String BACKEND_CONNECTOR = "mptc-web-blocklist";
    private static final String BACKEND_PATH = "/blocklist/v1/reports";
    /** A report's number is the last segment of its {@code url}. */
    private static final Pattern REPORT_NUMBER = Pattern.compile(".*/([0-9]+)");
    /** A report that has not reached the register this long after its 202 counts as an error of the window. */
    private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(30);
    /** How long the receipts of the last reports may take to come back once the clients have stopped. */
    private static final Duration RECEIPT_LIMIT = Duration.ofSeconds(60);
    private static final Duration RECEIPT_POLL = Duration.ofMillis(200);

    /**
     * What the run measured: the measured window's rate and latency (from sending a report to its arrival at the
     * register), and over the whole run the reports accepted, those receipted and those the register took twice.
     */
    record Result(LoadRun.Result window, long accepted, long receipted, long duplicates) {

        /** Reports with no answer in the window, and reports accepted but never receipted. */
        long lost() {
            return window.lost() + accepted - receipted;
        }
    }

    private OneWayRun() {
    }

    /** The reports as the register takes them: with a 202, each told by the number at the end of its {@code url}. */
    static Arrivals reportsTaken() {
        return new Arrivals(BACKEND_PATH, 202, "url", REPORT_NUMBER);
    }

    /** The report numbered {@code number}: a valid {@code reportScamSite} request whose url ends in its number. */
    static String report(long number) {
        return "{\"reporterCaseNumber\":\"AS-2026-000123\",\"url\":\"https://aba-secure-login.example/case/" + number
                + "\",\"domain\":\"aba-secure-login.example\",\"category\":\"phishing\","
                + "\"reportedAt\":\"2026-11-24T09:15:00Z\",\"descriptionEn\":\"Fake bank login page asking for passwords.\"}";
    }

    /**
     * Sends reports from {@code client}'s node to the blocklist at MPTC's node, whose connector takes them at the
     * bench's register, where {@code taken} ({@link #reportsTaken()}) tells their arrival.
     */
    static Result measure(LoadRun load, GatewayNode client, Arrivals taken, int clients, Duration warmUp,
                          Duration measured) throws InterruptedException, IOException {
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        LoadRun.Verdict arrived = (number, answer, context) -> {
            if (answer.status() != 202) {
                return Future.succeededFuture(false);
            }
            accepted.add(JsonField.text(answer.body(), "id"));
            return taken.arrival(number, ARRIVAL_LIMIT, context).map(true).otherwise(false);
        };
        LoadRun.Result window = load.run("one-way", LoadRun.postNumbered(client.baseUri().resolve("/r1/" + SERVICE),
                CLIENT, OneWayRun::report), arrived, clients, warmUp, measured);
        long receipted = receipted(client.baseUri(), new ArrayList<>(accepted));
        return new Result(window, accepted.size(), receipted, taken.duplicates());
    }

    /** How many of the messages are delivered with a receipt, waiting a while for the last to come back. */
    private static long receipted(URI node, List<String> ids) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> waiting = new ArrayList<>(ids);
        long receipted = 0;
        long deadline = System.nanoTime() + RECEIPT_LIMIT.toNanos();
        while (true) {
            for (Iterator<String> each = waiting.iterator(); each.hasNext(); ) {
                String state = stateOf(http, node.resolve(MessageStatusPath.of(each.next())));
                if (!"accepted".equals(state)) {
                    each.remove();
                    receipted += "delivered".equals(state) ? 1 : 0;
                }
            }
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                return receipted;
            }
            Thread.sleep(RECEIPT_POLL.toMillis());
        }
    }

    private static String stateOf(HttpClient http, URI status) throws InterruptedException, IOException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).header("X-Road-Client", CLIENT).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? JsonField.text(answer.body(), "state")
                : "unknown (HTTP " + answer.statusCode() + ")";
    }
}
