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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Drives one path with N concurrent clients, each sending its next request when the last is answered: a warm-up not
 * counted, then a measured window. Every request sent is counted, and every answer; one with no answer is lost.
 */
final class LoadRun {

    /** What one run measured. */
    record Result(String path, long exchanges, long errors, long lost, double seconds, Latencies latencies,
                  double cpuMillisPerExchange) {

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
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stopping = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        List<Latencies.Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Latencies.Recorder recorder = new Latencies.Recorder();
            recorders.add(recorder);
            Thread client = new Thread(() -> {
                while (!stopping.get()) {
                    boolean counted = measuring.get();
                    long started = System.nanoTime();
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
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
        Latencies latencies = Latencies.merge(recorders);
        long exchanges = latencies.count();
        return new Result(path, exchanges, errors.get(), lost.get(), seconds, latencies,
                exchanges == 0 ? 0 : cpu / 1e6 / exchanges);
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
