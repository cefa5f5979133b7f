package kh.gov.spean.node.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.NodeEvents;

/**
 * A node's metrics, served in Prometheus text at {@code /metrics}: exchanges by service, client and outcome with their
 * latency histogram, refusals by code and where, deliveries to backends, the message log's size and the age of its
 * last checkpoint, and the consumer lag on the member's inbox and answers topics; beside them Micrometer's binders for
 * the JVM (memory, garbage collection, threads, classes), the process (CPU, uptime, file descriptors) and the node's
 * Kafka clients. A Camel service of the node's context, so that stopping the node lets go of what the binders hold.
 */
public final class NodeMetrics implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Instant> lastCheckpoint = new AtomicReference<>();
    /** Binders holding listeners or threads until closed: garbage collection notifications, Kafka clients. */
    private final List<AutoCloseable> heldBinders = new CopyOnWriteArrayList<>();

    public NodeMetrics(MemberId member, NodeEvents events, MessageLog log, Clock clock) {
        registry.config().commonTags("member", member.toString());
        bindJvmAndProcess();
        lastCheckpoint.set(clock.instant());
        events.onRejection(rejection -> Counter.builder("spean.rejections")
                .description("Messages refused, by error code and where")
                .tag("code", rejection.code().code()).tag("where", String.valueOf(rejection.step()))
                .register(registry).increment());
        events.onDelivery(delivery -> Counter.builder("spean.deliveries")
                .description("Verified messages handed to a backend, by connector route")
                .tag("route", String.valueOf(delivery.route())).register(registry).increment());
        events.onWitnessed(witnessed -> Counter.builder("spean.checkpoints.witnessed")
                .description("Checkpoints of other nodes' logs witnessed, by outcome")
                .tag("outcome", witnessed.outcome().wireName()).register(registry).increment());
        log.onCheckpoint(checkpoint -> lastCheckpoint.set(clock.instant()));
        Gauge.builder("spean.log.entries", log, MessageLog::size).description("Entries in the message log")
                .register(registry);
        Gauge.builder("spean.log.checkpoint.age", lastCheckpoint,
                        last -> Duration.between(last.get(), clock.instant()).toMillis() / 1000.0)
                .description("Seconds since the message log's last checkpoint (or since the node started)")
                .baseUnit("seconds").register(registry);
    }

    private void bindJvmAndProcess() {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics garbageCollection = new JvmGcMetrics();
        garbageCollection.bindTo(registry);
        heldBinders.add(garbageCollection);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Reports a Kafka producer's or consumer's own metrics ({@code kafka_producer_…}, {@code kafka_consumer_…}). */
    public void watch(KafkaClientMetrics client) {
        client.bindTo(registry);
        heldBinders.add(client);
    }

    /** Reports how far consumer group {@code group} is behind {@code topic}, measured when the metrics are read. */
    public void watch(ConsumerLag lag, String group, String topic) {
        Gauge.builder("spean.consumer.lag", lag, measured -> measured.records(group, topic))
                .description("Records of a topic this member's nodes have not taken yet (committed), NaN while Kafka does not answer")
                .tag("topic", topic).baseUnit("records").register(registry);
    }

    /** One call at the HTTP edge, answered: its service, client, outcome ({@code ok} or the error code) and latency. */
    public void exchange(String service, String client, String outcome, Duration latency) {
        Timer.builder("spean.exchanges").description("Calls at the HTTP edge, by service, client and outcome")
                .tag("service", service).tag("client", client).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(latency);
    }

    /**
     * One unusual access at this provider, by kind and the official's member (decision 0059): never by official, whose
     * {@code X-Road-UserId} is personal data of theirs and would stay in every scrape's history.
     */
    public void accessAnomaly(String kind, String clientMember) {
        Counter.builder("spean.access.anomalies")
                .description("Unusual accesses to data subjects at this provider, by kind and client member")
                .tag("kind", kind).tag("client", clientMember).register(registry).increment();
    }

    /** Everything, in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void start() {
        // Bound from the start: nothing to do.
    }

    @Override
    public void stop() {
        for (AutoCloseable binder : heldBinders) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.warn("a metrics binder of a stopped node did not close: {}", e.toString());
            }
        }
        heldBinders.clear();
    }
}
