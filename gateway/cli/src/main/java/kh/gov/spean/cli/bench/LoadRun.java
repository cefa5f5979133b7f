package kh.gov.spean.cli.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** What one run measured. */
    record Result(String path, long exchanges, long errors, long lost, double seconds, Latencies latencies,
                  double cpuMillisPerExchange, Map<String, Long> cpuNanosByThreadGroup) {

        double perSecond() {
            return exchanges / seconds;
        }
    }

    /** One X-Road REST call, sent again and again; its body may carry the request's number. */
    record Call(URI uri, String client, LongFunction<byte[]> body) {
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

    LoadRun(int clients) throws InterruptedException {
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
        return run(path, call, verdict, clients, 0, warmUp, measured);
    }

    /**
     * @param perSecond the rate all clients together keep, or 0 for none
     */
    Result run(String path, Call call, Verdict verdict, int clients, double perSecond, Duration warmUp,
               Duration measured) throws InterruptedException {
        Window window = new Window(call, verdict, perSecond > 0 ? (long) (clients * 1e9 / perSecond) : 0);
        prime(window);
        List<Client> running = new ArrayList<>();
        long firstAppointment = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(window, firstAppointment + window.intervalNanos * i / clients);
            running.add(client);
            vertx.runOnContext(ignored -> client.next());
        }
        Thread.sleep(warmUp.toMillis());
        ThreadCpu threadCpu = new ThreadCpu(Map.of(eventLoopThreadId, LOAD_GENERATOR));
        threadCpu.start();
        long cpuBefore = ProcessCpu.nanos();
        long started = System.nanoTime();
        window.measuring.set(true);
        Thread.sleep(measured.toMillis());
        window.measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = ProcessCpu.nanos() - cpuBefore;
        Map<String, Long> cpuByThreadGroup = threadCpu.since(cpu);
        window.stopping.set(true);
        List<Latencies.Recorder> recorders = new ArrayList<>();
        for (Client client : running) {
            await(client.stopped, STOP_TIMEOUT);
            recorders.add(client.recorder);
        }
        Latencies latencies = Latencies.merge(recorders);
        long exchanges = latencies.count();
        return new Result(path, exchanges, window.errors.get(), window.lost.get(), seconds, latencies,
                exchanges == 0 ? 0 : cpu / 1e6 / exchanges, cpuByThreadGroup);
    }

    /** Sends one request and waits for its exchange to end, whatever the verdict: the run counts what follows. */
    private void prime(Window window) throws InterruptedException {
        CompletableFuture<Void> primed = new CompletableFuture<>();
        vertx.runOnContext(ignored -> window.send(window.numbers.getAndIncrement())
                .onComplete(outcome -> primed.complete(null)));
        await(primed, PRIME_TIMEOUT);
    }

    static Call post(URI uri, String client, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Call(uri, client, number -> bytes);
    }

    /** A call whose body names its request's number, from 0 up across all clients of a run. */
    static Call postNumbered(URI uri, String client, LongFunction<String> body) {
        return new Call(uri, client, number -> body.apply(number).getBytes(StandardCharsets.UTF_8));
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
        private final AtomicBoolean measuring = new AtomicBoolean(false);
        private final AtomicBoolean stopping = new AtomicBoolean(false);
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong lost = new AtomicLong();

        Window(Call call, Verdict verdict, long intervalNanos) {
            this.request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(call.uri().toString())
                    .putHeader("X-Road-Client", call.client()).putHeader("Content-Type", "application/json")
                    .setIdleTimeout(ANSWER_TIMEOUT.toMillis());
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

    /** One client: a call at a time, on the event loop; its latencies are read once it has stopped. */
    private final class Client {
        private final Window window;
        private final Latencies.Recorder recorder = new Latencies.Recorder();
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
            boolean counted = window.measuring.get();
            long started = window.intervalNanos > 0 ? appointment : System.nanoTime();
            appointment += window.intervalNanos;
            window.send(window.numbers.getAndIncrement()).onComplete(outcome -> {
                if (counted && window.measuring.get()) {
                    if (outcome.failed()) {
                        window.lost.incrementAndGet();
                    } else if (outcome.result()) {
                        recorder.record(System.nanoTime() - started);
                    } else {
                        window.errors.incrementAndGet();
                    }
                }
                next();
            });
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
