package kh.gov.spean.cli.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.vertx.core.Context;
import io.vertx.core.Future;

/**
 * The messages the bench's register has taken at one path, by the number each carries in one text field of its JSON
 * body: a client of the bench waits for its message's arrival before it sends the next, and the run ends by checking
 * that every accepted message arrived and counting the numbers that arrived more than once. A WireMock listener, so it
 * sees every request the register answers without a request journal; the register answers each with {@link #status()}.
 */
final class Arrivals implements ServeEventListener {

    private final String path;
    private final int status;
    private final String field;
    private final Pattern number;
    private final Map<Long, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    /**
     * Listens to POSTs to {@code path}, answered {@code status}; a message's number is the first group of
     * {@code number} matched against the whole of its text field {@code field}.
     */
    Arrivals(String path, int status, String field, Pattern number) {
        this.path = path;
        this.status = status;
        this.field = field;
        this.number = number;
    }

    String path() {
        return path;
    }

    int status() {
        return status;
    }

    /** Completes, on {@code context}, when message {@code number} has arrived; fails if it has not within {@code limit}. */
    Future<Void> arrival(long number, Duration limit, Context context) {
        return Future.fromCompletionStage(arrivalOf(number).copy().orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS),
                context);
    }

    /** How many of the messages {@code numbers} have arrived, waiting up to {@code limit} for the last of them. */
    long arrivedOf(Collection<Long> numbers, Duration limit) throws InterruptedException {
        List<CompletableFuture<Void>> awaited = numbers.stream().map(this::arrivalOf).toList();
        try {
            CompletableFuture.allOf(awaited.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notAll) {
            // Counted below: the ones that did arrive.
        }
        return awaited.stream().filter(CompletableFuture::isDone).count();
    }

    /** How many messages arrived again after their first arrival. */
    long duplicates() {
        return duplicates.get();
    }

    @Override
    public String getName() {
        return "spean-bench-arrivals " + path;
    }

    @Override
    public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
        if (!serveEvent.getRequest().getUrl().startsWith(path)) {
            return;
        }
        Long arrived = numberOf(serveEvent.getRequest().getBodyAsString());
        if (arrived != null && !arrivalOf(arrived).complete(null)) {
            duplicates.incrementAndGet();
        }
    }

    private CompletableFuture<Void> arrivalOf(long number) {
        return arrivals.computeIfAbsent(number, ignored -> new CompletableFuture<>());
    }

    private Long numberOf(String body) {
        String text = JsonField.text(body, field);
        if (text == null) {
            return null;
        }
        Matcher matched = number.matcher(text);
        if (!matched.matches()) {
            return null;
        }
        try {
            return Long.valueOf(matched.group(1));
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }
}
