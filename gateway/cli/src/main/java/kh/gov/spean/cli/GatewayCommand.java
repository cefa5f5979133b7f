package kh.gov.spean.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.BackendTls;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.management.ManagementSettings;
import kh.gov.spean.node.SettingCheck;
import kh.gov.spean.node.edge.EdgeSecurity;
import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;
import kh.gov.spean.node.kafka.ScramCredentials;
import kh.gov.spean.node.provider.BackendHttpComponents;
import kh.gov.spean.node.provider.ConnectorCatalog;

/** {@code spean gateway}: runs one member's node until stopped; with no external Kafka it starts an embedded broker. */
@Command(name = "gateway", mixinStandardHelpOptions = true, description = "Run one member's gateway node.")
public final class GatewayCommand implements Callable<Integer> {

    /** The embedded broker's default port, Kafka's usual one, so other nodes can join with --kafka-bootstrap. */
    static final int DEFAULT_EMBEDDED_KAFKA_PORT = 9092;
    /** Environment variable that supplies the member's Kafka password when no file is named. */
    static final String KAFKA_PASSWORD_VARIABLE = "SPEAN_KAFKA_PASSWORD";

    @Option(names = "--member", required = true, description = "The member this node serves, e.g. KH/GOV/MOI.")
    String member;

    @Option(names = "--data", required = true, description = "Data directory made by 'spean init'.")
    Path data;

    @Option(names = "--http-host", defaultValue = NodeSettings.DEFAULT_HTTP_HOST,
            description = "Address of the HTTP edge (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "" + NodeSettings.DEFAULT_HTTP_PORT,
            description = "Port of the HTTP edge, 0 for any (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--kafka-bootstrap", description = "External Kafka, HOST:PORT[,...]. Without it an embedded KRaft broker starts under DATA/kafka.")
    String kafkaBootstrap;

    @Option(names = "--kafka-config", description = "A properties file of Kafka client settings for every producer,"
            + " consumer and admin client of the node, e.g. TLS: security.protocol=SSL, ssl.truststore.location=...")
    Path kafkaConfig;

    @Option(names = "--kafka-password-file", description = "A file holding the member's Kafka password (else the"
            + " environment variable " + KAFKA_PASSWORD_VARIABLE + "): the node logs in to Kafka as its member,"
            + " with SCRAM-SHA-512, over TLS when --kafka-config sets it up.")
    Path kafkaPasswordFile;

    @Option(names = "--kafka-port", defaultValue = "" + DEFAULT_EMBEDDED_KAFKA_PORT,
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--schemas", description = "Shared schemas folder (default: schemas/).")
    Path schemas;

    @Option(names = "--connectors", description = "Connectors folder (default: connectors/).")
    Path connectors;

    @Option(names = "--backend", description = "Backend URL of a connector, NAME=URL (repeatable), e.g. moi-id-registry=https://localhost:8091.")
    Map<String, String> backends = new LinkedHashMap<>();

    @Option(names = "--backend-ca", paramLabel = "FILE",
            description = "PEM file of the CA(s) backends' certificates must chain to; required for https backends.")
    Path backendCa;

    @Option(names = "--backend-client-cert", paramLabel = "FILE",
            description = "PEM file of the node's TLS client certificate (then its chain), presented to backends.")
    Path backendClientCertificate;

    @Option(names = "--backend-client-key", paramLabel = "FILE",
            description = "PEM file of that certificate's key (unencrypted PKCS#8, owner-only).")
    Path backendClientKey;

    @Option(names = "--backend-plain-http",
            description = "DEVELOPMENT ONLY: allow http:// backends (payloads then cross the network in clear).")
    boolean backendPlainHttp;

    @Option(names = "--request-timeout-ms", defaultValue = "30000",
            description = "How long a call waits for the provider (default: ${DEFAULT-VALUE}).")
    long requestTimeoutMillis;

    @Option(names = "--max-message-bytes", defaultValue = "" + NodeSettings.DEFAULT_MAX_MESSAGE_BYTES,
            description = "Largest payload accepted (default: ${DEFAULT-VALUE}).")
    int maxMessageBytes;

    @Option(names = "--inbox-partitions", defaultValue = "" + NodeSettings.DEFAULT_INBOX_PARTITIONS,
            description = "Partitions of the member's inbox and answers topics, when this node creates them (default: ${DEFAULT-VALUE}).")
    int inboxPartitions;

    @Option(names = "--inbox-consumers", defaultValue = "" + NodeSettings.DEFAULT_INBOX_CONSUMERS,
            description = "Concurrent consumers of the inbox and of the answers, at most one per partition (default: ${DEFAULT-VALUE}).")
    int inboxConsumers;

    @Option(names = "--node-name", defaultValue = NodeSettings.DEFAULT_NODE_NAME,
            description = "This node's name within its member, part of its log's origin (default: ${DEFAULT-VALUE}).")
    String nodeName;

    @Option(names = "--checkpoint-every", defaultValue = "1000",
            description = "Message-log entries between checkpoints (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--checkpoint-interval-ms", defaultValue = "10000",
            description = "Time between checkpoints while entries arrive (default: ${DEFAULT-VALUE}).")
    long checkpointIntervalMillis;

    @Option(names = "--tsa-url", description = "An RFC 3161 timestamp authority. Without it, the development TSA made by 'spean init'.")
    java.net.URI tsaUrl;

    @Option(names = "--rate-limit", defaultValue = "" + NodeSettings.DEFAULT_RATE_LIMIT_PER_SECOND,
            description = "Requests per second each client subsystem may send, as a burst too (default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Mixin
    AnomalyThresholdOptions anomalies;

    @Option(names = "--one-way-ttl-s", defaultValue = "3600",
            description = "How long a one-way message is retried until its receipt comes back, in seconds (default: ${DEFAULT-VALUE}).")
    long oneWayTimeToLiveSeconds;

    @Option(names = "--retry-delay-ms", defaultValue = "5000",
            description = "Wait before a one-way message is sent again without a receipt; doubles per attempt (default: ${DEFAULT-VALUE}).")
    long retryDelayMillis;

    @Option(names = "--management-host", defaultValue = ManagementSettings.DEFAULT_HOST,
            description = "Address of the management port: audit page, metrics, monitoring, health (default: ${DEFAULT-VALUE}).")
    String managementHost;

    @Option(names = "--management-port", defaultValue = "" + ManagementSettings.DEFAULT_PORT,
            description = "Port of the management port (TLS), 0 for any (default: ${DEFAULT-VALUE}).")
    int managementPort;

    @Option(names = "--management-allowed-host", description = "A name callers may put in Host on the management port,"
            + " besides localhost and its address (repeatable).")
    List<String> managementAllowedHosts = new ArrayList<>();

    @Option(names = "--management-certificate", description = "TLS certificate PEM of the management port."
            + " Without it the node makes a self-signed one in DATA/<member>/management/.")
    Path managementCertificate;

    @Option(names = "--management-key", description = "PKCS#8 private key PEM of --management-certificate.")
    Path managementKey;

    @Option(names = "--dev-plain-http", description = "DEVELOPMENT ONLY: plain HTTP at the edge, X-Road-Client believed "
            + "as sent (no TLS, no client certificates). Announced at start and in /health.")
    boolean devPlainHttp;

    @Option(names = "--tls-cert", description = "The edge's TLS certificate (PEM, chain), with --tls-key. Without it or "
            + "--tls-pkcs12: the node's own, made in DATA/MEMBER/edge/node-tls.crt.")
    Path tlsCertificate;

    @Option(names = "--tls-key", description = "The edge's TLS private key (PEM).")
    Path tlsKey;

    @Option(names = "--tls-pkcs12", description = "The edge's TLS key and certificate as PKCS#12; password from "
            + EdgeSecurity.PKCS12_PASSWORD_VARIABLE + ".")
    Path tlsPkcs12;

    @Option(names = "--tls-protocols", split = ",", description = "TLS versions offered (default: TLSv1.3; TLSv1.2 may be added).")
    List<String> tlsProtocols = EdgeSecurity.DEFAULT_PROTOCOLS;

    @Option(names = "--edge-idle-timeout-s", defaultValue = "60",
            description = "Closes an edge connection idle this long; longer than the request timeout (default: ${DEFAULT-VALUE}).")
    long edgeIdleTimeoutSeconds;

    @Option(names = "--edge-handshake-timeout-s", defaultValue = "10",
            description = "Abandons a TLS handshake not done within this (default: ${DEFAULT-VALUE}).")
    long edgeHandshakeTimeoutSeconds;

    @Option(names = "--edge-max-connections", defaultValue = "" + EdgeSecurity.DEFAULT_MAX_CONNECTIONS,
            description = "Edge connections open at once; one more is closed at once (default: ${DEFAULT-VALUE}).")
    int edgeMaxConnections;

    private EdgeSecurity edgeSecurity() {
        return new EdgeSecurity(devPlainHttp, tlsCertificate, tlsKey, tlsPkcs12, tlsProtocols,
                Duration.ofSeconds(edgeIdleTimeoutSeconds), Duration.ofSeconds(edgeHandshakeTimeoutSeconds),
                edgeMaxConnections);
    }

    /**
     * The client settings of {@code --kafka-config}, and the member's login when a Kafka password is given: the node
     * authenticates as its member with SCRAM-SHA-512 (decision 0032).
     */
    private Map<String, String> kafkaClientProperties(MemberId memberId) {
        Map<String, String> settings = KafkaClientFiles.settings(kafkaConfig, "kafka-config");
        String password = kafkaPasswordFile != null ? KafkaClientFiles.password(kafkaPasswordFile, "kafka-password-file")
                : System.getenv(KAFKA_PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            return settings;
        }
        return new TreeMap<>(ScramCredentials.of(memberId, password).clientProperties(settings));
    }

    @Override
    public Integer call() throws InterruptedException {
        MemberId memberId = parseMember();
        // Every setting is checked before a broker is started for the node: the embedded one listens at its port.
        Map<String, String> kafkaClient = kafkaClientProperties(memberId);
        NodeSettings checked = settings(memberId, kafkaBootstrap != null ? kafkaBootstrap : "127.0.0.1:" + kafkaPort,
                kafkaClient);
        checked.validate();
        ManagementSettings management = new ManagementSettings(managementHost, managementPort, managementAllowedHosts,
                managementCertificate, managementKey).validate();
        requireConnectorsOfTheMember(checked);
        BackendHttpComponents.check(checked.backendTls(), BackendHttpComponents.backendUrls(
                ConnectorCatalog.load(checked.connectorsDirectory(), memberId), checked));
        EmbeddedKafkaBroker broker = kafkaBootstrap == null ? startEmbeddedBroker() : null;
        String bootstrap = broker != null ? broker.bootstrapServers() : kafkaBootstrap;
        NodeSettings settings = settings(memberId, bootstrap, kafkaClient);
        GatewayNode node;
        try {
            node = GatewayNode.start(settings, management, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            if (broker != null) {
                broker.close();
            }
            stopped.countDown();
        }, "spean-shutdown"));
        if (devPlainHttp) {
            System.out.println("*** WARNING: " + settings.edge().describe() + " ***");
        }
        System.out.println("Node " + memberId + " ready at " + node.baseUri() + " (Kafka " + bootstrap
                + "); management port at " + node.managementUri());
        if (node.edgeCertificateFile() != null) {
            System.out.println("Edge TLS certificate (for clients to trust): " + node.edgeCertificateFile());
        }
        if (broker != null) {
            System.out.println("WARNING: the embedded Kafka broker at " + bootstrap + " authenticates no client: anyone"
                    + " who reaches it may read, write and delete every topic. Development only; production gives"
                    + " --kafka-bootstrap a cluster with ACLs (spean kafka acls).");
        }
        stopped.await();
        return 0;
    }

    private NodeSettings settings(MemberId memberId, String bootstrap, Map<String, String> kafkaClient) {
        return new NodeSettings(memberId, data, httpHost, httpPort, bootstrap, kafkaClient,
                schemas != null ? schemas : SpeanHome.schemas(), connectors != null ? connectors : SpeanHome.connectors(),
                backends, Duration.ofMillis(requestTimeoutMillis), NodeSettings.DEFAULT_ENVELOPE_TIME_TO_LIVE,
                NodeSettings.DEFAULT_CLOCK_SKEW, maxMessageBytes, inboxPartitions, inboxConsumers, nodeName, checkpointEvery,
                Duration.ofMillis(checkpointIntervalMillis),
                tsaUrl, rateLimit, Duration.ofSeconds(oneWayTimeToLiveSeconds), Duration.ofMillis(retryDelayMillis),
                edgeSecurity(), new BackendTls(backendCa, backendClientCertificate, backendClientKey, backendPlainHttp),
                anomalies.thresholds());
    }

    /** A {@code --backend} for a connector this node does not run is a typo whose backend would never be called. */
    private static void requireConnectorsOfTheMember(NodeSettings settings) {
        if (settings.backends().isEmpty()) {
            return;
        }
        List<String> names = ConnectorCatalog.load(settings.connectorsDirectory(), settings.member()).connectors().stream()
                .map(ConnectorCatalog.Connector::name).toList();
        for (String name : settings.backends().keySet()) {
            SettingCheck.require(names.contains(name), "backend", "names " + name + ", not a connector of "
                    + settings.member() + " (its connectors: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
    }

    /**
     * A data directory without a valid federation configuration is refused before a broker is started in it; with an
     * external broker only the node's own start checks it, so a cold start pays for one check.
     */
    private EmbeddedKafkaBroker startEmbeddedBroker() {
        FederationLoader.loadConfiguration(FederationFiles.in(data), Clock.systemUTC().instant());
        return EmbeddedKafkaBroker.start(data.resolve("kafka"), kafkaPort);
    }

    private MemberId parseMember() {
        try {
            return MemberId.parse(member);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting 'member' " + e.getMessage());
        }
    }
}
