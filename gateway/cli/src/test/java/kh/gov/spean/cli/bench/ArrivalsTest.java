package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.node.BackendTls;
import kh.gov.spean.node.provider.BackendHttpComponents;

/**
 * The bench's register tells each message's arrival by the number it carries, at the path it listens to, and counts
 * a message taken twice: one-way reports by the end of their url, event copies by their blocked domain.
 */
class ArrivalsTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final Arrivals reports = OneWayRun.reportsTaken();
    private final List<Arrivals> copies = EventRun.copiesTaken();
    private BenchBackend backend;
    private Vertx vertx;
    private Context context;
    private HttpClient http;

    @BeforeEach
    void start(@TempDir Path folder) throws Exception {
        List<Arrivals> taken = new ArrayList<>(copies);
        taken.add(reports);
        DevelopmentBackendTls tls = DevelopmentBackendTls.create(folder, "Bench test backend CA");
        backend = BenchBackend.start("/id-registry/v1/citizens/verify", "{}", taken, tls);
        // A node's client certificate and trust, as the bench's backend requires.
        http = HttpClient.newBuilder().sslContext(BackendHttpComponents.sslContextParameters(BackendTls.of(tls))
                .createSSLContext(new DefaultCamelContext())).build();
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() {
        backend.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void a_report_awaited_before_it_arrives_is_told_on_its_arrival_and_no_other() throws Exception {
        CompletableFuture<Void> seven = completion(reports.arrival(7, LIMIT, context));
        CompletableFuture<Void> eight = completion(reports.arrival(8, LIMIT, context));

        assertEquals(202, deliver(OneWayRun.report(7)));

        seven.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertFalse(eight.isDone(), "report 8 has not arrived");
        assertEquals(0, reports.duplicates());
    }

    @Test
    void a_report_that_arrived_before_it_was_awaited_is_told_at_once() throws Exception {
        assertEquals(202, deliver(OneWayRun.report(3)));

        completion(reports.arrival(3, LIMIT, context)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void a_report_taken_twice_is_counted_once_as_a_duplicate() {
        assertEquals(202, deliver(OneWayRun.report(5)));
        assertEquals(202, deliver(OneWayRun.report(5)));
        assertEquals(202, deliver(OneWayRun.report(6)));

        assertEquals(1, reports.duplicates());
    }

    @Test
    void a_report_that_never_arrives_fails_its_wait_after_the_limit_and_is_still_told_if_it_comes_later()
            throws Exception {
        CompletableFuture<Void> late = completion(reports.arrival(9, Duration.ofMillis(50), context));

        assertTimedOut(late);

        assertEquals(202, deliver(OneWayRun.report(9)));
        completion(reports.arrival(9, LIMIT, context)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, reports.duplicates(), "a wait that timed out is not an arrival");
    }

    @Test
    void requests_to_other_paths_and_bodies_that_are_not_reports_are_not_arrivals() {
        assertEquals(200, post("/id-registry/v1/citizens/verify", OneWayRun.report(1)));
        assertEquals(202, deliver("{\"url\":\"https://aba-secure-login.example/case/not-a-number\"}"));
        assertEquals(202, deliver("not json"));

        assertTimedOut(completion(reports.arrival(1, Duration.ofMillis(50), context)));
        assertEquals(0, reports.duplicates());
    }

    @Test
    void each_subscriber_path_tells_its_own_copies_of_an_event_by_the_number_in_its_domain() throws Exception {
        Arrivals first = copies.get(0);
        Arrivals second = copies.get(1);
        CompletableFuture<Void> atFirst = completion(first.arrival(4, LIMIT, context));
        CompletableFuture<Void> atSecond = completion(second.arrival(4, LIMIT, context));

        assertEquals(204, post(first.path(), EventRun.event(4)));

        atFirst.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertFalse(atSecond.isDone(), "the copy for the second subscriber has not arrived");
        assertEquals(204, post(second.path(), EventRun.event(4)));
        atSecond.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, first.duplicates() + second.duplicates());
    }

    @Test
    void the_end_of_run_count_counts_the_messages_that_arrived_and_not_those_that_never_did() throws Exception {
        Arrivals first = copies.get(0);
        assertEquals(204, post(first.path(), EventRun.event(1)));
        assertEquals(204, post(first.path(), EventRun.event(2)));

        assertEquals(2, first.arrivedOf(List.of(1L, 2L), LIMIT));
        assertEquals(2, first.arrivedOf(List.of(1L, 2L, 3L), Duration.ofMillis(50)), "3 never arrives");
        assertEquals(0, copies.get(1).arrivedOf(List.of(1L, 2L), Duration.ofMillis(50)), "nor at the other path");
    }

    private int deliver(String report) {
        return post(reports.path(), report);
    }

    private int post(String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(backend.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<Void> completion(Future<Void> future) {
        return future.toCompletionStage().toCompletableFuture();
    }

    private static void assertTimedOut(CompletableFuture<Void> wait) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> wait.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failed.getCause());
    }
}
