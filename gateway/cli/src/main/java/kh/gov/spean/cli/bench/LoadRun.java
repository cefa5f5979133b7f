package kh.gov.spean.cli.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one path with N concurrent clients: a warm-up not counted, then a measured window. Unpaced, each client sends
 * its next request as soon as the last is answered (the path's maximum); paced, the clients together send at a fixed
 * rate, each request at its appointed time, and its latency counts from that time, so a path that falls behind is
 * charged for the wait it caused. Every request sent is counted, and every answer; one with no answer is lost. An
 * exchange ends when its {@link Verdict} is given: at the answer for a request/response call, or, for a one-way
 * message or an event, once it (every copy of it) has arrived where it was sent; a client sends its next request only
 * then. Before any client starts, one exchange goes end to end on its own: a node just started serves once its
 * consumers have joined their groups, which takes seconds on a busy machine, and the warm-up is not meant to hide that.
 *
 * <p>The clients share one Vert.x event loop and a keep-alive connection each, without a thread per waiting call: the
 * load generator runs on the machine it measures, so it should take as little of it as a real caller's would.
 */
final class LoadRun implements AutoCloseable {

    /**
     * What one window measured. The path's result is its last window's, with the cold window before the warm-up went
     * on ({@code cold}, null where the path did not look for a steady rate), how long it warmed up, whether the rate
     * settled before the warm-up's bound, and the path's exchanges second by second; its errors and losses are all
     * those after its first warm-up, in every window.
     */
    record Result(String path, long exchanges, long errors, long lost, double seconds, Latencies latencies,
                  double cpuMillisPerExchange, Map<String, Long> cpuNanosByThreadGroup, Result cold,
                  double warmUpSeconds, boolean settled, Timeline timeline) {

        double perSecond() {
            return exchanges / seconds;
        }

        /** CPU per exchange of one thread group in this window, in ms. */
        double groupMillisPerExchange(String group) {
            return exchanges == 0 ? 0 : cpuNanosByThreadGroup.getOrDefault(group, 0L) / 1e6 / exchanges;
        }

        /** The share of this window's CPU that the JIT compiler's threads took. */
        double jitShare() {
            long all = cpuNanosByThreadGroup.values().stream().mapToLong(Long::longValue).sum();
            return all == 0 ? 0 : cpuNanosByThreadGroup.getOrDefault(ThreadCpu.JIT_COMPILER, 0L) / (double) all;
        }

        private Result after(Result cold, double warmUpSeconds, boolean settled, Timeline timeline, long allErrors,
                             long allLost) {
            return new Result(path, exchanges, allErrors, allLost, seconds, latencies, cpuMillisPerExchange,
                    cpuNanosByThreadGroup, cold, warmUpSeconds, settled, timeline);
        }
    }

    /** One X-Road REST call with its further headers, sent again and again; its body may carry the request's number. */
    record Call(URI uri, String client, Map<String, String> headers, LongFunction<byte[]> body) {
    }

    /** What came back: the status and the body as text. */
    record Answer(int status, String body) {
    }

    /**
     * Whether the exchange that request {@code number} began ended well, once it has ended; a failed future counts it
     * lost. It completes on the thread of the context it is given.
     */
    interface Verdict {
        Future<Boolean> settle(long number, Answer answer, Context context);
    }

    /** A verdict given at the answer. */
    static Verdict answered(Predicate<Answer> accepted) {
        return (number, answer, context) -> Future.succeededFuture(accepted.test(answer));
    }

    /** The thread group the load generator's own CPU is reported under. */
    static final String LOAD_GENERATOR = "load generator (bench clients' event loop)";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Longer than an answer's timeout and a one-way message's or an event's wait for its arrivals together. */
    private static final Duration PRIME_TIMEOUT = Duration.ofSeconds(90);

    private final Vertx vertx;
    private final HttpClient http;
    private final long eventLoopThreadId;
    private final PrintStream progress;

    /** @param progress where a path that looks for a steady rate says how its warm-up goes */
    LoadRun(int clients, PrintStream progress) throws InterruptedException {
        this.progress = progress;
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(clients));
        CompletableFuture<Long> loop = new CompletableFuture<>();
        vertx.runOnContext(ignored -> loop.complete(Thread.currentThread().getId()));
        eventLoopThreadId = await(loop, STOP_TIMEOUT);
    }

    /**
     * @param verdict whether an exchange counts as successful (status and body as expected, or its message arrived)
     */
    Result run(String path, Call call, Verdict verdict, int clients, Duration warmUp, Duration measured)
            throws InterruptedException {
        return run(path, call, verdict, clients, 0, WarmUp.fixed(warmUp), measured);
    }

    /** Unpaced, warmed up until the rate settles (or as {@code warmUp} bounds it). */
    Result run(String path, Call call, Verdict verdict, int clients, WarmUp warmUp, Duration measured)
            throws InterruptedException {
        return run(path, call, verdict, clients, 0, warmUp, measured);
    }

    /**
     * @param perSecond the rate all clients together keep, or 0 for none
     */
    Result run(String path, Call call, Verdict verdict, int clients, double perSecond, WarmUp warmUp,
               Duration measured) throws InterruptedException {
        Window window = new Window(call, verdict, perSecond > 0 ? (long) (clients * 1e9 / perSecond) : 0);
        prime(window);
        List<Client> running = new ArrayList<>();
        Intervals intervals = new Intervals(window.recorder);
        long firstAppointment = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(window, firstAppointment + window.intervalNanos * i / clients);
            running.add(client);
            vertx.runOnContext(ignored -> client.next());
        }
        Result cold = null;
        boolean settled = false;
        if (warmUp.settles()) {
            progress.printf(Locale.ROOT, "%s: warming up %d s, then a cold window of %d s, then until the rate is steady"
                    + " (at most %d s in all)%n", path, warmUp.first().toSeconds(), measured.toSeconds(),
                    warmUp.atMost().toSeconds());
        }
        intervals.run(warmUp.first(), null);
        window.counting.set(true);
        if (warmUp.settles()) {
            cold = measure(path, window, intervals, measured);
            printProgress(cold, Double.NaN, intervals);
            Result last = cold;
            while (!settled && intervals.elapsedSeconds() + warmUp.step().toSeconds() <= warmUp.atMost().toSeconds()) {
                Result next = measure(path, window, intervals, warmUp.step());
                settled = WarmUp.steady(last.perSecond(), next.perSecond(), next.jitShare());
                printProgress(next, last.perSecond(), intervals);
                last = next;
            }
            progress.printf(Locale.ROOT, "%s: %s after %.0f s; measuring %d s%n", path,
                    settled ? "steady" : "not steady yet, but the warm-up's bound is reached", intervals.elapsedSeconds(),
                    measured.toSeconds());
        }
        double warmUpSeconds = intervals.elapsedSeconds();
        intervals.timeline.measuredFrom(warmUpSeconds);
        Result steady = measure(path, window, intervals, measured);
        window.counting.set(false);
        window.stopping.set(true);
        for (Client client : running) {
            await(client.stopped, STOP_TIMEOUT);
        }
        return steady.after(cold, warmUpSeconds, settled, intervals.timeline, window.errors.get(), window.lost.get());
    }

    /** One window: its exchanges, their latencies, the errors and losses seen meanwhile, and the CPU by thread group. */
    private Result measure(String path, Window window, Intervals intervals, Duration length) throws InterruptedException {
        ThreadCpu threadCpu = new ThreadCpu(Map.of(eventLoopThreadId, LOAD_GENERATOR));
        threadCpu.start();
        long errorsBefore = window.errors.get();
        long lostBefore = window.lost.get();
        long cpuBefore = ProcessCpu.nanos();
        long started = System.nanoTime();
        Latencies latencies = Latencies.empty();
        intervals.run(length, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = ProcessCpu.nanos() - cpuBefore;
        Map<String, Long> cpuByThreadGroup = threadCpu.since(cpu);
        long exchanges = latencies.count();
        return new Result(path, exchanges, window.errors.get() - errorsBefore, window.lost.get() - lostBefore, seconds,
                latencies, exchanges == 0 ? 0 : cpu / 1e6 / exchanges, cpuByThreadGroup, null, 0, false, null);
    }

    private void printProgress(Result window, double previousPerSecond, Intervals intervals) {
        progress.printf(Locale.ROOT, "%s: %4.0f s  %8.1f per s%s  JIT compiler %3.0f%% of the CPU  p99 %6.1f ms%n",
                window.path(), intervals.elapsedSeconds(), window.perSecond(),
                Double.isNaN(previousPerSecond) ? " (cold)         "
                        : String.format(Locale.ROOT, " (%+6.1f%% on the last)", (window.perSecond() / previousPerSecond - 1) * 100),
                window.jitShare() * 100, window.latencies().percentileMillis(99));
    }

    /** Sends one request and waits for its exchange to end, whatever the verdict: the run counts what follows. */
    private void prime(Window window) throws InterruptedException {
        CompletableFuture<Void> primed = new CompletableFuture<>();
        vertx.runOnContext(ignored -> window.send(window.numbers.getAndIncrement())
                .onComplete(outcome -> primed.complete(null)));
        await(primed, PRIME_TIMEOUT);
    }

    static Call post(URI uri, String client, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Call(uri, client, headers, number -> bytes);
    }

    /** A call whose body names its request's number, from 0 up across all clients of a run. */
    static Call postNumbered(URI uri, String client, LongFunction<String> body) {
        return new Call(uri, client, Map.of(), number -> body.apply(number).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        http.close();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        vertx.close().onComplete(ignored -> closed.complete(null));
        await(closed, STOP_TIMEOUT);
    }

    /** What the clients of one run share: the call, the verdict on exchanges, the pace and the counts. */
    private final class Window {
        private final RequestOptions request;
        private final LongFunction<byte[]> body;
        private final Verdict verdict;
        private final long intervalNanos;
        private final AtomicLong numbers = new AtomicLong();
        private final Recorder recorder = new Recorder(Latencies.SIGNIFICANT_DIGITS);
        private final AtomicBoolean counting = new AtomicBoolean(false);
        private final AtomicBoolean stopping = new AtomicBoolean(false);
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong lost = new AtomicLong();

        Window(Call call, Verdict verdict, long intervalNanos) {
            this.request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(call.uri().toString())
                    .putHeader("X-Road-Client", call.client()).putHeader("Content-Type", "application/json")
                    .setIdleTimeout(ANSWER_TIMEOUT.toMillis());
            call.headers().forEach(request::putHeader);
            this.body = call.body();
            this.verdict = verdict;
            this.intervalNanos = intervalNanos;
        }

        /** Sends request {@code number} and gives the verdict on its exchange, on the event loop. */
        Future<Boolean> send(long number) {
            Context context = vertx.getOrCreateContext();
            return http.request(request).compose(outgoing -> outgoing.send(Buffer.buffer(body.apply(number))))
                    .compose(response -> response.body().map(answer ->
                            new Answer(response.statusCode(), answer.toString(StandardCharsets.UTF_8))))
                    .compose(answer -> verdict.settle(number, answer, context));
        }
    }

    /** One client: a call at a time, on the event loop; its latencies go to the window's recorder. */
    private final class Client {
        private final Window window;
        private final CompletableFuture<Void> stopped = new CompletableFuture<>();
        private long appointment;

        Client(Window window, long firstAppointment) {
            this.window = window;
            this.appointment = firstAppointment;
        }

        void next() {
            if (window.stopping.get()) {
                stopped.complete(null);
                return;
            }
            long waitMillis = window.intervalNanos > 0 ? (appointment - System.nanoTime()) / 1_000_000 : 0;
            if (waitMillis >= 1) {
                vertx.setTimer(waitMillis, ignored -> send());
                return;
            }
            send();
        }

        private void send() {
            long started = window.intervalNanos > 0 ? appointment : System.nanoTime();
            appointment += window.intervalNanos;
            window.send(window.numbers.getAndIncrement()).onComplete(outcome -> {
                if (outcome.succeeded() && outcome.result()) {
                    window.recorder.recordValue(System.nanoTime() - started);
                } else if (window.counting.get()) {
                    (outcome.failed() ? window.lost : window.errors).incrementAndGet();
                }
                next();
            });
        }
    }

    /**
     * The path's clock: every second the latencies recorded since the last tick become an interval, added to the
     * path's timeline and to the window being measured, if any.
     */
    private static final class Intervals {
        private static final long TICK_MILLIS = 1000;
        /** Shorter intervals (the one cut at a window's start) are left off the timeline: their rate is noise. */
        private static final double SHORTEST_PLOTTED_SECONDS = 0.2;

        private final Recorder recorder;
        private final Timeline timeline = new Timeline();
        private final long started = System.nanoTime();
        private long last = started;

        Intervals(Recorder recorder) {
            this.recorder = recorder;
        }

        /** Ticks for {@code length}, giving each interval to {@code window} when there is one. */
        void run(Duration length, Latencies window) throws InterruptedException {
            long end = System.nanoTime() + length.toNanos();
            tick(null);
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                Thread.sleep(Math.max(1, Math.min(TICK_MILLIS, left / 1_000_000)));
                tick(window);
            }
        }

        double elapsedSeconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        private void tick(Latencies window) {
            long now = System.nanoTime();
            Histogram interval = recorder.getIntervalHistogram();
            double seconds = (now - last) / 1e9;
            if (seconds >= SHORTEST_PLOTTED_SECONDS) {
                timeline.add((now - started) / 1e9, seconds, interval);
            }
            if (window != null) {
                window.add(interval);
            }
            last = now;
        }
    }

    private static <T> T await(CompletableFuture<T> future, Duration limit) throws InterruptedException {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the load generator did not finish within " + limit.toSeconds() + " s", e);
        }
    }
}
