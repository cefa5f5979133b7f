package kh.gov.spean.node.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.kafka.KafkaSettings;

/**
 * Whether a node can do its work: its message log takes entries, its Kafka cluster answers, and its timestamp
 * authority (when it is an external one) answers. Each probe has a short deadline; the result is kept a few seconds,
 * so a health poller cannot load the broker.
 */
public final class HealthCheck implements AutoCloseable {

    /** One check's verdict. */
    public record Status(boolean up, Map<String, String> checks) {
    }

    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);
    private static final Duration KEPT_FOR = Duration.ofSeconds(5);

    private final MessageLog log;
    private final Admin kafka;
    private final URI timestampAuthority;
    /** Only for an external authority: the client's TLS context alone takes a tenth of a second of a node's start. */
    private final HttpClient http;
    private final Clock clock;
    private Status last;
    private Instant lastAt = Instant.EPOCH;

    public HealthCheck(MessageLog log, KafkaSettings kafka, URI timestampAuthority, Clock clock) {
        this.log = log;
        this.kafka = Admin.create(kafka.adminProperties());
        this.timestampAuthority = timestampAuthority;
        this.http = timestampAuthority != null ? HttpClient.newBuilder().connectTimeout(PROBE_DEADLINE).build() : null;
        this.clock = clock;
    }

    public synchronized Status status() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(lastAt.plus(KEPT_FOR))) {
            return last;
        }
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("log", log.isOpen() ? "UP" : "DOWN: the message log is closed");
        checks.put("kafka", kafka());
        checks.put("timestampAuthority", timestampAuthority());
        last = new Status(checks.values().stream().allMatch("UP"::equals), checks);
        lastAt = now;
        return last;
    }

    private String kafka() {
        try {
            int brokers = kafka.describeCluster().nodes().get(PROBE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).size();
            return brokers > 0 ? "UP" : "DOWN: no broker in the cluster";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "DOWN: the Kafka cluster does not answer (" + e.getClass().getSimpleName() + ")";
        }
    }

    private String timestampAuthority() {
        if (timestampAuthority == null) {
            return "UP";
        }
        try {
            http.send(HttpRequest.newBuilder(timestampAuthority).timeout(PROBE_DEADLINE).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return "UP";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "DOWN: the timestamp authority " + timestampAuthority + " does not answer";
        }
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(2));
    }
}
