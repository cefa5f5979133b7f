package kh.gov.spean.node.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ListeningAddress;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in this process, its data in a folder so
 * that a restart on the same folder keeps every record. The default transport of the demo and of tests; production
 * points nodes at a cluster instead.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final long READY_DEADLINE_SECONDS = 60;
    /** A group nobody joins, whose offsets are asked for to bring up the group coordinator. */
    private static final String READY_PROBE_GROUP = "spean-broker-ready";
    private static final String HOST = "127.0.0.1";
    /** The name a TLS broker advertises and its certificate carries. */
    private static final String TLS_HOST = "localhost";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port. */
    public static EmbeddedKafkaBroker start(Path dataDirectory) {
        return start(dataDirectory, freePort());
    }

    /** Starts a broker on {@code brokerPort}, formatting the folder on first use and reusing its data afterwards. */
    public static EmbeddedKafkaBroker start(Path dataDirectory, int brokerPort) {
        if (brokerPort == 0) {
            // The port is advertised to clients, so the system cannot choose it: start(dataDirectory) finds a free one.
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the embedded Kafka broker needs a port of its own, not 0");
        }
        return start(dataDirectory, brokerPort, Map.of());
    }

    /**
     * Starts a broker on a free port that speaks TLS only, to clients and to itself, as {@code localhost}: {@code tls}
     * holds its {@code ssl.keystore.*} (a certificate naming localhost) and {@code ssl.truststore.*} settings.
     */
    public static EmbeddedKafkaBroker startWithTls(Path dataDirectory, Map<String, String> tls) {
        return start(dataDirectory, freePort(), tls);
    }

    private static EmbeddedKafkaBroker start(Path dataDirectory, int brokerPort, Map<String, String> tls) {
        long started = System.nanoTime();
        ListeningAddress.requireFree("the embedded Kafka broker", HOST, brokerPort);
        try {
            Files.createDirectories(dataDirectory);
            Properties properties = serverProperties(dataDirectory, brokerPort, freePort(), tls);
            Path propertiesFile = dataDirectory.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                properties.store(out, "Spean embedded Kafka broker (written at each start)");
            }
            formatOnce(dataDirectory, propertiesFile);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, (tls.isEmpty() ? HOST : TLS_HOST) + ":" + brokerPort);
            broker.awaitReady(clientSettings(tls));
            LOG.info("embedded Kafka broker ready at {} in {} ms (data in {})", broker.bootstrapServers,
                    (System.nanoTime() - started) / 1_000_000, dataDirectory);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data folder " + dataDirectory, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties serverProperties(Path dataDirectory, int brokerPort, int controllerPort,
                                               Map<String, String> tls) {
        Properties properties = new Properties();
        String listener = tls.isEmpty() ? "PLAINTEXT" : "SSL";
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        properties.put("listeners", listener + "://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", listener + "://" + (tls.isEmpty() ? HOST : TLS_HOST) + ":" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", listener);
        properties.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        properties.putAll(tls);
        properties.put("log.dirs", dataDirectory.resolve("logs").toAbsolutePath().toString());
        // One node: every internal topic has one replica, and a new consumer group starts at once.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "4");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // Nodes create the topics they use; a typo in a topic name must fail, not create a topic nobody reads.
        properties.put("auto.create.topics.enable", "false");
        properties.put("message.max.bytes", String.valueOf(KafkaSettings.DEFAULT_MAX_RECORD_BYTES + 1024));
        // The log cleaner (for compacted internal topics) allocates 128 MiB at start by default; 8 MiB serves one node.
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        // Sized for the machine it shares with the nodes (decision 0018): Kafka's defaults (3 network, 8 I/O and 4 group
        // coordinator threads) are for a dedicated server; here they only hand each request over more often.
        properties.put("num.network.threads", "1");
        properties.put("num.io.threads", "2");
        properties.put("group.coordinator.threads", "1");
        return properties;
    }

    private static void formatOnce(Path dataDirectory, Path propertiesFile) throws IOException {
        if (Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        Path clusterIdFile = dataDirectory.resolve("cluster.id");
        String clusterId;
        if (Files.exists(clusterIdFile)) {
            clusterId = Files.readString(clusterIdFile).trim();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(clusterIdFile, clusterId);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propertiesFile.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "cannot format the Kafka storage in "
                    + dataDirectory + ": " + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    /** What a client needs to reach this broker: nothing more for plaintext, TLS with the broker's truststore. */
    private static Map<String, String> clientSettings(Map<String, String> tls) {
        Map<String, String> client = new HashMap<>();
        tls.forEach((name, value) -> {
            if (name.startsWith("ssl.truststore.")) {
                client.put(name, value);
            }
        });
        if (!tls.isEmpty()) {
            client.put("security.protocol", "SSL");
        }
        return client;
    }

    /**
     * Waits for the broker to answer, and for its group coordinator: asking for a group's offsets makes the broker
     * create its offsets topic, once, before the nodes' consumers arrive — each of them would otherwise ask for it at
     * the same time, and all but the first be told, in a warning, that it already exists.
     */
    private void awaitReady(Map<String, String> clientSettings) {
        Properties admin = new Properties();
        admin.putAll(clientSettings);
        admin.put("bootstrap.servers", bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().nodes().get(READY_DEADLINE_SECONDS, TimeUnit.SECONDS);
            client.listConsumerGroupOffsets(READY_PROBE_GROUP).partitionsToOffsetAndMetadata()
                    .get(READY_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE,
                    "the embedded Kafka broker did not become ready within " + READY_DEADLINE_SECONDS + " s", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
