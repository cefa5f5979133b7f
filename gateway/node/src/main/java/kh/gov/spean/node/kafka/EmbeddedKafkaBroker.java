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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * points nodes at a cluster instead. Started with authentication, it knows every client by its SCRAM-SHA-512 user and
 * lets it do only what an ACL allows, the broker's own administrator excepted (decision 0032).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final long READY_DEADLINE_SECONDS = 60;
    /** A group nobody joins, whose offsets are asked for to bring up the group coordinator. */
    private static final String READY_PROBE_GROUP = "spean-broker-ready";
    private static final String HOST = "127.0.0.1";
    /** The name a TLS broker advertises and its certificate carries. */
    private static final String TLS_HOST = "localhost";

    /** The broker's administrator: it creates topics, ACLs, quotas and users, and is the only super user clients see. */
    public static final String ADMIN_USER = "spean-admin";
    /** The broker's own user on its controller listener, known to no client. */
    private static final String CONTROLLER_USER = "spean-controller";
    private static final String ADMIN_PASSWORD_FILE = "admin.password";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Map<String, String> adminClientProperties;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Map<String, String> adminClientProperties) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.adminClientProperties = Map.copyOf(adminClientProperties);
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
        return start(dataDirectory, brokerPort, Map.of(), false);
    }

    /**
     * Starts a broker on {@code brokerPort} (0: a free one) that authenticates every client with SASL/SCRAM-SHA-512
     * and authorizes each request with Kafka's StandardAuthorizer: nothing is allowed that no ACL grants, except to
     * {@link #ADMIN_USER}, whose password is made at the first start and kept owner-only in the folder.
     */
    public static EmbeddedKafkaBroker startWithAuthentication(Path dataDirectory, int brokerPort) {
        return start(dataDirectory, brokerPort == 0 ? freePort() : brokerPort, Map.of(), true);
    }

    /**
     * Starts a broker on a free port that speaks TLS only, to clients and to itself, as {@code localhost}: {@code tls}
     * holds its {@code ssl.keystore.*} (a certificate naming localhost) and {@code ssl.truststore.*} settings.
     */
    public static EmbeddedKafkaBroker startWithTls(Path dataDirectory, Map<String, String> tls) {
        return start(dataDirectory, freePort(), tls, false);
    }

    private static EmbeddedKafkaBroker start(Path dataDirectory, int brokerPort, Map<String, String> tls,
                                             boolean authenticated) {
        long started = System.nanoTime();
        ListeningAddress.requireFree("the embedded Kafka broker", HOST, brokerPort);
        try {
            Files.createDirectories(dataDirectory);
            Properties properties = serverProperties(dataDirectory, brokerPort, freePort(), tls,
                    listenerName(tls, authenticated));
            String adminPassword = null;
            if (authenticated) {
                adminPassword = adminPassword(dataDirectory);
                properties.putAll(authenticationProperties(adminPassword, listenerName(tls, true)));
            }
            Path propertiesFile = dataDirectory.resolve("server.properties");
            // Owner-only from the start: with authentication on, it holds the administrator's and controller's secrets.
            SecretFiles.write(propertiesFile, "");
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                properties.store(out, "Spean embedded Kafka broker (written at each start)");
            }
            formatOnce(dataDirectory, propertiesFile, adminPassword);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            Map<String, String> admin = clientSettings(tls);
            if (authenticated) {
                admin = new ScramCredentials(ADMIN_USER, adminPassword).clientProperties(admin);
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, (tls.isEmpty() ? HOST : TLS_HOST) + ":" + brokerPort,
                    admin);
            broker.awaitReady(admin);
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

    /**
     * Client settings that reach this broker as its administrator: none for a plaintext broker, its truststore for
     * TLS, and {@link #ADMIN_USER}'s SCRAM login when it authenticates.
     */
    public Map<String, String> adminClientProperties() {
        return adminClientProperties;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties serverProperties(Path dataDirectory, int brokerPort, int controllerPort,
                                               Map<String, String> tls, String listener) {
        Properties properties = new Properties();
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

    private static String listenerName(Map<String, String> tls, boolean authenticated) {
        return (authenticated ? "SASL_" : "") + (tls.isEmpty() ? "PLAINTEXT" : "SSL");
    }

    /**
     * Clients (and the broker to itself) log in with SCRAM-SHA-512, whose verifiers live in the cluster's metadata; the
     * controller listener cannot use SCRAM (its users are read from that very metadata), so the broker logs in there
     * with SASL/PLAIN as a user only its own configuration knows, under a password made afresh at each start.
     */
    private static Properties authenticationProperties(String adminPassword, String listener) {
        Properties properties = new Properties();
        String scram = ScramCredentials.MECHANISM;
        String controllerPassword = SecretFiles.randomSecret();
        properties.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:SASL_PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", scram);
        properties.put("sasl.mechanism.inter.broker.protocol", scram);
        properties.put("listener.name." + listener.toLowerCase(Locale.ROOT) + "." + scram.toLowerCase(Locale.ROOT)
                + ".sasl.jaas.config", new ScramCredentials(ADMIN_USER, adminPassword).jaasConfig());
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        properties.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER_USER + "=\""
                        + controllerPassword + "\";");
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("super.users", "User:" + ADMIN_USER + ";User:" + CONTROLLER_USER);
        return properties;
    }

    /**
     * The administrator's password, made at the first start. A folder formatted without one holds a cluster whose
     * metadata has no administrator, which no one could ever configure: refused, naming the way out.
     */
    private static String adminPassword(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(ADMIN_PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        if (Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the Kafka data in " + dataDirectory
                    + " was made without authentication and has no administrator: start on an empty folder");
        }
        String password = SecretFiles.randomSecret();
        SecretFiles.write(file, password);
        return password;
    }

    private static void formatOnce(Path dataDirectory, Path propertiesFile, String adminPassword) throws IOException {
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
        List<String> arguments = new ArrayList<>(List.of("format", "-t", clusterId, "-c", propertiesFile.toString()));
        if (adminPassword != null) {
            // The administrator's verifier goes into the metadata before the first start: the broker logs in with it.
            arguments.addAll(List.of("--add-scram", ScramCredentials.MECHANISM + "=[name=" + ADMIN_USER + ",password="
                    + adminPassword + "]"));
        }
        int exit = StorageTool.execute(arguments.toArray(String[]::new),
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
