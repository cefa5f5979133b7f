package kh.gov.spean.cli.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.vertx.core.Context;
import io.vertx.core.Future;

/**
 * The one-way messages the bench's register has taken, by the number each report carries at the end of its
 * {@code url}: a client of the bench waits for its message's arrival before it sends the next, and the run ends by
 * counting the numbers that arrived more than once. A WireMock listener, so it sees every request the register
 * answers without a request journal.
 */
final class OneWayArrivals implements ServeEventListener {

    private final String path;
    private final Map<Long, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    /** Listens to POSTs to {@code path}. */
    OneWayArrivals(String path) {
        this.path = path;
    }

    /** The report numbered {@code number}: a valid {@code reportScamSite} request whose url ends in its number. */
    static String report(long number) {
        return "{\"reporterCaseNumber\":\"AS-2026-000123\",\"url\":\"https://aba-secure-login.example/case/" + number
                + "\",\"domain\":\"aba-secure-login.example\",\"category\":\"phishing\","
                + "\"reportedAt\":\"2026-11-24T09:15:00Z\",\"descriptionEn\":\"Fake bank login page asking for passwords.\"}";
    }

    /** Completes, on {@code context}, when report {@code number} has arrived; fails if it has not within {@code limit}. */
    Future<Void> arrival(long number, Duration limit, Context context) {
        CompletableFuture<Void> arrived = arrivals.computeIfAbsent(number, ignored -> new CompletableFuture<>());
        return Future.fromCompletionStage(arrived.copy().orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS), context);
    }

    /** How many reports arrived again after their first arrival. */
    long duplicates() {
        return duplicates.get();
    }

    @Override
    public String getName() {
        return "spean-bench-one-way-arrivals";
    }

    @Override
    public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
        if (!serveEvent.getRequest().getUrl().startsWith(path)) {
            return;
        }
        Long number = numberOf(serveEvent.getRequest().getBodyAsString());
        if (number == null) {
            return;
        }
        CompletableFuture<Void> arrived = arrivals.computeIfAbsent(number, ignored -> new CompletableFuture<>());
        if (!arrived.complete(null)) {
            duplicates.incrementAndGet();
        }
    }

    private static Long numberOf(String report) {
        String url = JsonField.text(report, "url");
        if (url == null) {
            return null;
        }
        try {
            return Long.valueOf(url.substring(url.lastIndexOf('/') + 1));
        } catch (NumberFormatException notNumbered) {
            return null;
        }
    }
}
