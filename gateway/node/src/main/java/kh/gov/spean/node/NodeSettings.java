package kh.gov.spean.node;

import static kh.gov.spean.node.SettingCheck.require;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.privacy.AnomalyThresholds;
import kh.gov.spean.node.edge.EdgeSecurity;

/**
 * A gateway node's settings, validated at start-up: a node with a bad setting refuses to start and names the setting.
 *
 * @param member            the member this node serves ({@code --member})
 * @param dataDirectory     the data directory made by {@code spean init}: {@code federation/} and the member's folder ({@code --data})
 * @param httpHost          the address the HTTP edge binds to ({@code --http-host}, default 127.0.0.1)
 * @param httpPort          the HTTP edge's port, 0 for any free port ({@code --http-port}, default 8080)
 * @param kafkaBootstrap    external Kafka bootstrap servers, or null to use a broker the caller provides ({@code --kafka-bootstrap})
 * @param kafkaClientProperties Kafka client settings added to every producer, consumer and admin client, e.g. TLS
 *                          ({@code --kafka-config FILE})
 * @param schemasDirectory  the shared schemas ({@code --schemas}, default {@code schemas/})
 * @param connectorsDirectory the connectors folder ({@code --connectors}, default {@code connectors/})
 * @param backends          backend URL per connector folder name, overriding each connector's default ({@code --backend NAME=URL})
 * @param requestTimeout    how long a client waits for the provider's answer, and so how long its request envelope
 *                          stays acceptable ({@code --request-timeout}, default 30 s)
 * @param envelopeTimeToLive how long a response, receipt or error envelope stays acceptable after it is issued (default 5 min)
 * @param clockSkew         the clock difference tolerated between nodes (default 60 s)
 * @param maxMessageBytes   the largest payload accepted ({@code --max-message-bytes}, default 10 MiB)
 * @param inboxPartitions   partitions of each inbox topic this node creates (default 4)
 * @param inboxConsumers    concurrent consumers of this node's inbox and of its answers (default 4, one per partition)
 * @param nodeName          this node's name within its member, part of its log's origin ({@code --node-name}, default node-1)
 * @param checkpointEvery   message-log entries between checkpoints ({@code --checkpoint-every}, default 1000)
 * @param checkpointInterval time between checkpoints while entries arrive ({@code --checkpoint-interval-ms}, default 10 s)
 * @param timestampAuthority an RFC 3161 TSA URL, or null for the development TSA made by {@code spean init} ({@code --tsa-url})
 * @param rateLimitPerSecond requests per second each client subsystem may send through this node, with as large a
 *                          burst ({@code --rate-limit}, default 1000)
 * @param oneWayTimeToLive  how long a one-way message is retried until its receipt comes back, and an event copy
 *                          waits for a subscriber that is down; their envelopes expire then ({@code --one-way-ttl}, default 1 h)
 * @param retryDelay        the wait before a one-way message is sent again without a receipt, doubling per attempt
 *                          up to 60 times itself ({@code --retry-delay-ms}, default 5 s)
 * @param edge              how the HTTP edge is protected: TLS with registered client certificates by default, plain
 *                          HTTP only with {@code --dev-plain-http}; its certificate, protocols and connection limits
 * @param backendTls        the CA backends' certificates must chain to, the node's client certificate, and whether
 *                          plain HTTP backends are allowed (development only); see {@link BackendTls}
 * @param anomalyThresholds when an official's accesses to data subjects count as unusual ({@code --anomaly-subjects-per-day},
 *                          default 50; {@code --anomaly-purpose-history}, default 20; decision 0059)
 */
public record NodeSettings(
        MemberId member,
        Path dataDirectory,
        String httpHost,
        int httpPort,
        String kafkaBootstrap,
        Map<String, String> kafkaClientProperties,
        Path schemasDirectory,
        Path connectorsDirectory,
        Map<String, String> backends,
        Duration requestTimeout,
        Duration envelopeTimeToLive,
        Duration clockSkew,
        int maxMessageBytes,
        int inboxPartitions,
        int inboxConsumers,
        String nodeName,
        long checkpointEvery,
        Duration checkpointInterval,
        URI timestampAuthority,
        int rateLimitPerSecond,
        Duration oneWayTimeToLive,
        Duration retryDelay,
        EdgeSecurity edge,
        BackendTls backendTls,
        AnomalyThresholds anomalyThresholds) {

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ENVELOPE_TIME_TO_LIVE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_INBOX_PARTITIONS = 4;
    public static final int DEFAULT_INBOX_CONSUMERS = 4;
    public static final String DEFAULT_NODE_NAME = "node-1";
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 1000;
    public static final Duration DEFAULT_ONE_WAY_TIME_TO_LIVE = Duration.ofHours(1);
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(5);

    public NodeSettings {
        backends = Map.copyOf(backends == null ? Map.of() : backends);
        kafkaClientProperties = Map.copyOf(kafkaClientProperties == null ? Map.of() : kafkaClientProperties);
        edge = edge == null ? EdgeSecurity.defaults() : edge;
        backendTls = backendTls == null ? BackendTls.NONE : backendTls;
        anomalyThresholds = anomalyThresholds == null ? AnomalyThresholds.DEFAULTS : anomalyThresholds;
    }

    /** Settings with every default, for the given member, data, Kafka and repository folders. */
    public static NodeSettings defaults(MemberId member, Path dataDirectory, String kafkaBootstrap, Path repositoryRoot) {
        return new NodeSettings(member, dataDirectory, DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, kafkaBootstrap, Map.of(),
                repositoryRoot.resolve("schemas"), repositoryRoot.resolve("connectors"), Map.of(),
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_ENVELOPE_TIME_TO_LIVE, DEFAULT_CLOCK_SKEW, DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_INBOX_PARTITIONS, DEFAULT_INBOX_CONSUMERS, DEFAULT_NODE_NAME,
                LogSettings.DEFAULT_CHECKPOINT_EVERY, LogSettings.DEFAULT_CHECKPOINT_INTERVAL, null,
                DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_ONE_WAY_TIME_TO_LIVE, DEFAULT_RETRY_DELAY, EdgeSecurity.defaults(),
                BackendTls.NONE, AnomalyThresholds.DEFAULTS);
    }

    /** The message log's place and checkpoint policy. */
    public LogSettings logSettings() {
        return new LogSettings(dataDirectory.resolve(member.folderName()).resolve("log"),
                LogSettings.originOf(member.toString(), nodeName), checkpointEvery, checkpointInterval);
    }

    public NodeSettings withHttpPort(int port) {
        return new NodeSettings(member, dataDirectory, httpHost, port, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withBackends(Map<String, String> newBackends) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, newBackends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withRequestTimeout(Duration timeout) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, timeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withRateLimit(int perSecond) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                perSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withMaxMessageBytes(int bytes) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, bytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withRetryDelay(Duration delay) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, delay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withNodeName(String name) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, name, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withTimestampAuthority(URI url) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, url,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withEdge(EdgeSecurity security) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, security, backendTls, anomalyThresholds);
    }

    /** The same node on another Kafka: its bootstrap servers and client settings (TLS, the member's login). */
    public NodeSettings withKafka(String bootstrap, Map<String, String> clientProperties) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, bootstrap, clientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, anomalyThresholds);
    }

    public NodeSettings withBackendTls(BackendTls tls) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, tls, anomalyThresholds);
    }

    public NodeSettings withAnomalyThresholds(AnomalyThresholds thresholds) {
        return new NodeSettings(member, dataDirectory, httpHost, httpPort, kafkaBootstrap, kafkaClientProperties,
                schemasDirectory, connectorsDirectory, backends, requestTimeout, envelopeTimeToLive, clockSkew, maxMessageBytes,
                inboxPartitions, inboxConsumers, nodeName, checkpointEvery, checkpointInterval, timestampAuthority,
                rateLimitPerSecond, oneWayTimeToLive, retryDelay, edge, backendTls, thresholds);
    }

    /** The longest lifetime an envelope may have: a one-way message's, or a request's if that is longer. */
    public Duration maximumTimeToLive() {
        return oneWayTimeToLive.compareTo(envelopeTimeToLive) > 0 ? oneWayTimeToLive : envelopeTimeToLive;
    }

    /**
     * How far back a delivery claim can still matter, and so how long the member's delivered topic keeps one: the
     * longest life an envelope may claim, and the clock skew either way.
     */
    public Duration deliveredLookBack() {
        return deliveredLookBack(maximumTimeToLive(), clockSkew);
    }

    /** The same for the defaults: what the operator's {@code spean kafka acls --apply} gives the delivered topics. */
    public static Duration deliveredLookBack(Duration maximumTimeToLive, Duration clockSkew) {
        return maximumTimeToLive.plus(clockSkew.multipliedBy(2));
    }

    /** Throws CONFIGURATION_INVALID naming the first setting that is wrong. */
    public NodeSettings validate() {
        require(member != null, "member", "is required (--member INSTANCE/CLASS/MEMBER)");
        require(dataDirectory != null && Files.isDirectory(dataDirectory), "data",
                "must be a directory made by 'spean init': " + dataDirectory);
        require(httpHost != null && !httpHost.isBlank(), "http-host", "is required");
        require(httpPort >= 0 && httpPort <= 65535, "http-port", "must be 0..65535, was " + httpPort);
        require(kafkaBootstrap != null && kafkaBootstrap.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*"), "kafka-bootstrap",
                "must be HOST:PORT[,HOST:PORT...], was " + kafkaBootstrap);
        require(schemasDirectory != null && Files.isDirectory(schemasDirectory), "schemas",
                "must be the shared schemas folder: " + schemasDirectory);
        require(connectorsDirectory != null && Files.isDirectory(connectorsDirectory), "connectors",
                "must be the connectors folder: " + connectorsDirectory);
        require(positive(requestTimeout), "request-timeout", "must be positive");
        require(positive(envelopeTimeToLive), "envelope-time-to-live", "must be positive");
        require(clockSkew != null && !clockSkew.isNegative(), "clock-skew", "must not be negative");
        require(maxMessageBytes > 0, "max-message-bytes", "must be positive");
        require(inboxPartitions > 0, "inbox-partitions", "must be positive");
        require(inboxConsumers > 0, "inbox-consumers", "must be positive");
        require(nodeName != null && nodeName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"), "node-name",
                "must be letters, digits, '_', '.', '-', was " + nodeName);
        require(checkpointEvery > 0, "checkpoint-every", "must be positive");
        require(rateLimitPerSecond > 0, "rate-limit", "must be positive");
        require(positive(oneWayTimeToLive), "one-way-ttl", "must be positive");
        require(positive(retryDelay), "retry-delay-ms", "must be positive");
        require(positive(checkpointInterval), "checkpoint-interval-ms", "must be positive");
        require(timestampAuthority == null || "http".equals(timestampAuthority.getScheme())
                || "https".equals(timestampAuthority.getScheme()), "tsa-url", "must be an http(s) URL");
        validateEdge();
        backends.forEach((name, url) -> require(Objects.requireNonNull(url).matches("https?://\\S+"),
                "backend", name + " must be an http(s) URL, was " + url));
        backendTls.validate();
        return this;
    }

    private void validateEdge() {
        require(EdgeSecurity.ALLOWED_PROTOCOLS.containsAll(edge.protocols()) && !edge.protocols().isEmpty(),
                "tls-protocols", "must be TLSv1.3 and/or TLSv1.2, was " + edge.protocols());
        require((edge.certificateFile() == null) == (edge.keyFile() == null), "tls-cert",
                "and --tls-key go together");
        require(edge.pkcs12File() == null || edge.certificateFile() == null, "tls-pkcs12",
                "or --tls-cert/--tls-key, not both");
        for (Path file : java.util.Arrays.asList(edge.certificateFile(), edge.keyFile(), edge.pkcs12File())) {
            require(file == null || Files.isReadable(file), "tls-cert", "cannot read " + file);
        }
        require(positive(edge.idleTimeout()) && edge.idleTimeout().compareTo(requestTimeout) > 0, "edge-idle-timeout-s",
                "must be longer than the request timeout (" + requestTimeout.toSeconds() + " s), was "
                        + edge.idleTimeout().toSeconds() + " s");
        require(positive(edge.handshakeTimeout()), "edge-handshake-timeout-s", "must be positive");
        require(edge.maxConnections() > 0, "edge-max-connections", "must be positive");
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
