package kh.gov.spean.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Drives one path with N concurrent clients: a warm-up not counted, then a measured window. Unpaced, each client sends
 * its next request as soon as the last is answered (the path's maximum); paced, the clients together send at a fixed
 * rate, each request at its appointed time, and its latency counts from that time, so a path that falls behind is
 * charged for the wait it caused. Every request sent is counted, and every answer; one with no answer is lost.
 */
final class LoadRun {

    /** What one run measured. */
    record Result(String path, long exchanges, long errors, long lost, double seconds, Latencies latencies,
                  double cpuMillisPerExchange, Map<String, Long> cpuNanosByThreadGroup) {

        double perSecond() {
            return exchanges / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param accepted whether an answer counts as a successful exchange (status and body as expected)
     */
    Result run(String path, HttpRequest request, Predicate<HttpResponse<String>> accepted, int clients,
               Duration warmUp, Duration measured) throws InterruptedException {
        return run(path, request, accepted, clients, 0, warmUp, measured);
    }

    /**
     * @param perSecond the rate all clients together keep, or 0 for none
     */
    Result run(String path, HttpRequest request, Predicate<HttpResponse<String>> accepted, int clients, double perSecond,
               Duration warmUp, Duration measured) throws InterruptedException {
        long clientIntervalNanos = perSecond > 0 ? (long) (clients * 1e9 / perSecond) : 0;
        long firstAppointment = System.nanoTime();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stopping = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        List<Latencies.Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Latencies.Recorder recorder = new Latencies.Recorder();
            recorders.add(recorder);
            long offsetNanos = clientIntervalNanos * i / clients;
            Thread client = new Thread(() -> {
                long appointment = firstAppointment + offsetNanos;
                while (!stopping.get()) {
                    if (clientIntervalNanos > 0) {
                        waitUntil(appointment);
                    }
                    boolean counted = measuring.get();
                    long started = clientIntervalNanos > 0 ? appointment : System.nanoTime();
                    appointment += clientIntervalNanos;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (counted && measuring.get()) {
                            if (accepted.test(response)) {
                                recorder.record(System.nanoTime() - started);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        if (counted) {
                            lost.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-client-" + i);
            threads.add(client);
            client.start();
        }
        Thread.sleep(warmUp.toMillis());
        ThreadCpu threadCpu = new ThreadCpu();
        threadCpu.start();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        Map<String, Long> cpuByThreadGroup = threadCpu.since(cpu);
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
        Latencies latencies = Latencies.merge(recorders);
        long exchanges = latencies.count();
        return new Result(path, exchanges, errors.get(), lost.get(), seconds, latencies,
                exchanges == 0 ? 0 : cpu / 1e6 / exchanges, cpuByThreadGroup);
    }

    private static void waitUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    static HttpRequest post(URI uri, String client, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("X-Road-Client", client).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
