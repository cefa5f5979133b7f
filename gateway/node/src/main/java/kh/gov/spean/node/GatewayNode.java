package kh.gov.spean.node;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.HttpTimestampAuthority;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.TimestampAuthority;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.ReplayGuard;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.federation.TimestampingFiles;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogTail;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.deadletter.DeadLetterOffice;
import kh.gov.spean.node.delivery.DeliveredEnvelopes;
import kh.gov.spean.node.log.CheckpointPublication;
import kh.gov.spean.node.log.RecordRejection;
import kh.gov.spean.node.operations.ConsumerLag;
import kh.gov.spean.node.operations.HealthCheck;
import kh.gov.spean.node.operations.MeteredKafkaClients;
import kh.gov.spean.node.operations.NodeMetrics;
import kh.gov.spean.node.privacy.NodeAnomalies;
import kh.gov.spean.node.operations.OperationalMonitoring;
import kh.gov.spean.node.operations.ReadOperationalData;
import kh.gov.spean.node.operations.RecordExchange;
import kh.gov.spean.node.operations.WriteHealth;
import kh.gov.spean.node.operations.WriteMetrics;
import kh.gov.spean.node.routes.OperationsRoute;
import kh.gov.spean.node.audit.ExportEvidence;
import kh.gov.spean.node.audit.ReadAuditLog;
import kh.gov.spean.node.audit.ServeAuditPage;
import kh.gov.spean.node.http.WriteProblemResponse;
import kh.gov.spean.node.management.ManagementListener;
import kh.gov.spean.node.management.ManagementSettings;
import kh.gov.spean.node.management.ManagementUsers;
import kh.gov.spean.node.routes.AuditRoute;
import kh.gov.spean.node.routes.ManagementErrorPolicy;
import kh.gov.spean.node.routes.ManagementRoutes;
import kh.gov.spean.node.log.WitnessCheckpoint;
import kh.gov.spean.node.log.WitnessedCheckpoints;
import kh.gov.spean.node.routes.CheckpointRoutes;
import kh.gov.spean.node.exchange.PendingExchanges;
import kh.gov.spean.node.edge.ClientRegistry;
import kh.gov.spean.node.edge.EdgeTls;
import kh.gov.spean.node.edge.OwnConnectorsTls;
import kh.gov.spean.node.http.AuthenticateClient;
import kh.gov.spean.node.http.EdgeHttpServer;
import kh.gov.spean.node.http.EndToEndHeaderFilter;
import kh.gov.spean.node.http.RefusedBeforeAnyRoute;
import kh.gov.spean.node.kafka.KafkaAdministrator;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.RecordPublisher;
import kh.gov.spean.node.kafka.Topics;
import kh.gov.spean.node.oneway.OneWayDispatcher;
import kh.gov.spean.node.oneway.OutgoingMessages;
import kh.gov.spean.node.oneway.ReceiptedMessages;
import kh.gov.spean.node.provider.BackendHttpComponents;
import kh.gov.spean.node.provider.ConnectorCatalog;
import kh.gov.spean.node.routes.NoSuchPathRoute;
import kh.gov.spean.node.routes.NodeEndpoints;
import kh.gov.spean.node.routes.OutboxRoute;

/**
 * One member's gateway node: loads and checks its federation configuration, keys, schemas and connectors, then runs
 * the Camel routes of the exchange over Kafka behind its HTTP edge, and the audit and operations routes behind its
 * management port. Refuses to start on anything it cannot trust.
 */
public final class GatewayNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);

    /** Envelope JSON carries the payload base64-encoded, plus header and signature: allow for both. */
    static final int ENVELOPE_OVERHEAD_BYTES = 64 * 1024;
    /** The Camel property holding this node's own base URL, for connector routes that call other services. */
    public static final String NODE_URL_PROPERTY = "spean.node.url";

    private final NodeSettings settings;
    private final CamelContext camel;
    private final VertxPlatformHttpServer httpServer;
    private final NodeEvents events;
    private final MessageLog log;
    private final OneWayDispatcher dispatcher;
    private final HealthCheck health;
    private final ConsumerLag lag;
    private final FederationWatcher watcher;
    private final Federation federation;
    private final PendingExchanges pending;
    private final DeliveredEnvelopes delivered;
    private final EdgeTls edgeTls;
    private final ClientRegistry clients;
    private final ManagementListener management;
    private boolean closed;

    private GatewayNode(NodeSettings settings, CamelContext camel, VertxPlatformHttpServer httpServer,
                        NodeEvents events, MessageLog log, OneWayDispatcher dispatcher, HealthCheck health,
                        ConsumerLag lag, FederationWatcher watcher, Federation federation, PendingExchanges pending,
                        EdgeTls edgeTls, ClientRegistry clients, DeliveredEnvelopes delivered,
                        ManagementListener management) {
        this.settings = settings;
        this.camel = camel;
        this.httpServer = httpServer;
        this.events = events;
        this.log = log;
        this.dispatcher = dispatcher;
        this.health = health;
        this.lag = lag;
        this.watcher = watcher;
        this.federation = federation;
        this.pending = pending;
        this.delivered = delivered;
        this.edgeTls = edgeTls;
        this.clients = clients;
        this.management = management;
    }

    /** The largest Kafka record a node with this largest payload produces: the envelope around it, base64. */
    public static int kafkaRecordBytes(int maxMessageBytes) {
        return maxMessageBytes * 2 + ENVELOPE_OVERHEAD_BYTES;
    }

    /** Starts a node whose management port listens on loopback, on any free port. */
    public static GatewayNode start(NodeSettings settings, Clock clock) {
        return start(settings, ManagementSettings.defaults().withPort(0), clock);
    }

    public static GatewayNode start(NodeSettings settings, ManagementSettings managementSettings, Clock clock) {
        settings.validate();
        managementSettings.validate();
        TrustedSetup setup = TrustedSetup.load(settings, clock);
        Federation federation = setup.federation();
        X509Certificate trustAnchor = setup.trustAnchor();
        MemberKeys keys = setup.keys();
        ConnectorCatalog connectors = setup.connectors();
        BackendHttpComponents backendCalls = BackendHttpComponents.prepare(settings, connectors);

        KafkaSettings kafka = KafkaSettings.defaults(settings.kafkaBootstrap(), kafkaRecordBytes(settings.maxMessageBytes()))
                .withClientProperties(settings.kafkaClientProperties());
        // The broker's round trips and the Kafka client's class initialisation go on while the rest is put together.
        BackgroundStep<Void> kafkaPrepared = BackgroundStep.start("kafka",
                () -> prepareKafka(kafka, federation, settings));

        NodeEvents events = new NodeEvents(settings.member());
        PendingExchanges pending = new PendingExchanges(settings.requestTimeout());
        MessageLog log = MessageLog.open(settings.logSettings(), new DetachedSigner(keys.signingKey(),
                keys.signingCertificate()), timestampAuthority(settings), clock);
        OutgoingMessages outgoing = OutgoingMessages.open(settings.dataDirectory().resolve(settings.member().folderName())
                .resolve("outgoing"));
        DeadLetterOffice deadLetters = new DeadLetterOffice(settings.member(), log, clock);
        NodeMetrics metrics = new NodeMetrics(settings.member(), events, log, clock);
        OperationalMonitoring monitoring = new OperationalMonitoring();
        HealthCheck health = new HealthCheck(log, kafka, settings.timestampAuthority(), clock);
        ConsumerLag lag = new ConsumerLag(kafka, clock);
        metrics.watch(lag, Topics.inboxGroup(settings.member()), Topics.inbox(settings.member()));
        metrics.watch(lag, Topics.answersGroup(settings.member(), settings.nodeName()), Topics.answers(settings.member()));
        FederationWatcher watcher = new FederationWatcher(FederationFiles.in(settings.dataDirectory()), federation,
                events, clock);
        OneWayDispatcher dispatcher = new OneWayDispatcher(outgoing, deadLetters, keys.signingCertificate(),
                settings.retryDelay(), settings.nodeName(), clock);
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("spean-" + settings.member().folderName());
        camel.getComponent("kafka", KafkaComponent.class).setKafkaClientFactory(new MeteredKafkaClients(metrics));
        try {
            // Stopped with the context: lets go of the listeners and threads Micrometer's binders hold.
            camel.addService(metrics);
        } catch (Exception e) {
            throw new IllegalStateException("cannot attach the node's metrics to its Camel context", e);
        }
        camel.getPropertiesComponent().setInitialProperties(backendProperties(connectors, settings));
        backendCalls.configure(camel);
        camel.getRegistry().bind(EndToEndHeaderFilter.BEAN, new EndToEndHeaderFilter());
        RecordRejection rejections = new RecordRejection(log, settings.member());
        RecordExchange calls = new RecordExchange(metrics, monitoring);
        RefusedBeforeAnyRoute refusedAtEdge = new RefusedBeforeAnyRoute((code, detail, path, answerBytes) -> {
            rejections.beforeAnyRoute(code, detail, path);
            events.rejected(null, code, detail, "http");
            calls.refusedBeforeAnyRoute(code, answerBytes);
        });
        ClientRegistry clients = ClientRegistry.of(settings.dataDirectory(), settings.member());
        EdgeTls edgeTls = settings.edge().plainHttp() ? null
                : EdgeTls.prepare(settings.edge(), settings.dataDirectory(), settings.member(), settings.httpHost(), clock);
        if (edgeTls == null) {
            LOG.warn("*** node {}: the HTTP edge is {} ***", settings.member(), settings.edge().describe());
            camel.getRegistry().bind(OwnConnectorsTls.BEAN, OwnConnectorsTls.unused());
        } else {
            camel.getRegistry().bind(OwnConnectorsTls.BEAN, OwnConnectorsTls.register(clients,
                    connectors.connectors().stream().map(ConnectorCatalog.Connector::subsystem)
                            .collect(java.util.stream.Collectors.toSet()), edgeTls.certificate(), clock));
        }
        VertxPlatformHttpServer httpServer = new EdgeHttpServer(httpConfiguration(settings), refusedAtEdge,
                settings.edge(), edgeTls,
                edgeTls == null ? null : new AuthenticateClient(clients, refusedAtEdge, clock));
        DeliveredEnvelopes delivered = null;
        ManagementListener management = null;
        try {
            camel.addService(httpServer, true, true);
            // Listening before the routes are built: a connector whose service is itself a client (e.g.
            // registerBusiness verifying owners) calls its own node, whose port may be chosen only now.
            ListeningAddress.requireFree("the node's HTTP edge", settings.httpHost(), settings.httpPort());
            httpServer.start();
            camel.getPropertiesComponent().addPropertiesSource(new NodeUrlProperty(settings.edge().scheme(),
                    settings.httpHost(), httpServer));
            NodeEndpoints endpoints = new NodeEndpoints(
                    "platform-http:/r1?matchOnUriPrefix=true&headerFilterStrategy=#" + EndToEndHeaderFilter.BEAN,
                    "kafka:" + Topics.inbox(settings.member()) + "?" + kafka.camelConsumerOptions(
                            Topics.inboxGroup(settings.member()), settings.inboxConsumers()),
                    "kafka:" + Topics.answers(settings.member()) + "?" + kafka.camelConsumerOptions(
                            Topics.answersGroup(settings.member(), settings.nodeName()), settings.inboxConsumers()),
                    OutboxRoute.PUBLISH);
            camel.addRoutes(new OutboxRoute(
                    "kafka:" + Topics.inbox(settings.member()) + "?" + kafka.camelProducerOptions()));
            TimeWindow window = new TimeWindow(settings.clockSkew(), settings.maximumTimeToLive());
            ReplayGuard replayGuard = new ReplayGuard(window);
            ReceiptedMessages receipted = new ReceiptedMessages();
            rememberRecentEnvelopes(replayGuard, receipted, deadLetters, log, federation, settings, clock);
            RecordPublisher publisher = new RecordPublisher(camel.createProducerTemplate(), endpoints.outbox());
            NodeAnomalies anomalies = NodeAnomalies.start(log.files(), settings.anomalyThresholds(), metrics);
            delivered = new DeliveredEnvelopes(kafka, settings.member(), settings.nodeName(), federation,
                    new DetachedSigner(keys.signingKey(), keys.signingCertificate()), trustAnchor, replayGuard, window,
                    clock);
            NodeAssembly.addRoutes(camel, endpoints, new NodeAssembly.Parts(settings, federation, trustAnchor, keys,
                    setup.decryptionKeys(), setup.schemas(), connectors, events, pending, replayGuard, outgoing,
                    dispatcher, receipted, deadLetters, metrics, monitoring, publisher, log, delivered, anomalies, clock));
            management = ManagementListener.start(camel.getName() + "-management", managementSettings,
                    settings.dataDirectory().resolve(settings.member().folderName()),
                    ManagementUsers.open(ManagementUsers.fileOf(settings.dataDirectory(), settings.member())), clock,
                    List.of(new ManagementErrorPolicy(new WriteProblemResponse(events, rejections)),
                            new AuditRoute(new ServeAuditPage(), new ReadAuditLog(log.files(), trustAnchor, anomalies),
                                    new ExportEvidence(log.files(), trustAnchor)),
                            new OperationsRoute(new WriteMetrics(metrics), new WriteHealth(health, settings.edge().describe()),
                                    new ReadOperationalData(monitoring)),
                            new ManagementRoutes()));
            camel.addRoutes(new CheckpointRoutes(
                    "kafka:" + Topics.checkpoints() + "?" + kafka.camelProducerOptions(),
                    "kafka:" + Topics.checkpoints() + "?" + kafka.camelConsumerOptions(
                            Topics.witnessGroup(settings.member(), settings.nodeName()), 1),
                    new WitnessCheckpoint(log.origin(), settings.member(), log, events, federation, trustAnchor,
                            WitnessedCheckpoints.in(settings.dataDirectory().resolve(settings.member().folderName())
                                    .resolve("witnessed")), clock)));
            for (ConnectorCatalog.Connector connector : connectors.connectors()) {
                if (Files.isRegularFile(connector.routesFile())) {
                    loadConnectorRoutes(camel, connector);
                }
            }
            camel.addRoutes(new NoSuchPathRoute());
            deadLetters.start(publisher); // before the consumers start: a refusal may need it at once
            kafkaPrepared.await();
            delivered.start(publisher, settings.deliveredLookBack()); // before the inbox: what the others delivered
            camel.start();
            dispatcher.start(publisher);
            watcher.start();
        } catch (Exception e) {
            if (delivered != null) {
                delivered.close();
            }
            if (management != null) {
                management.close();
            }
            pending.close();
            watcher.close();
            health.close();
            lag.close();
            dispatcher.close();
            camel.stop();
            log.close();
            throw e instanceof SpeanException refusal ? refusal : new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                    "the node could not start: " + e.getMessage(), e);
        }
        ProducerTemplate checkpoints = camel.createProducerTemplate();
        // Keyed by origin: one log's checkpoints share a partition, so witnesses see them in order.
        log.onCheckpoint(signed -> {
            if (camel.getStatus().isStarted()) {
                checkpoints.asyncSend(CheckpointRoutes.PUBLISH, exchange -> {
                    exchange.getMessage().setBody(SpeanJson.toBytes(CheckpointPublication.of(signed)));
                    exchange.getMessage().setHeader(KafkaConstants.KEY,
                            signed.checkpoint().origin().getBytes(StandardCharsets.UTF_8));
                });
            }
        });
        GatewayNode node = new GatewayNode(settings, camel, httpServer, events, log, dispatcher, health, lag,
                watcher, federation, pending, edgeTls, clients, delivered, management);
        LOG.info("node {} ready at {} (Kafka {}; edge: {}); management port at {}", settings.member(), node.baseUri(),
                settings.kafkaBootstrap(), settings.edge().describe(), node.managementUri());
        return node;
    }

    /** Where ministry systems call this node, e.g. {@code https://127.0.0.1:8080}. */
    public URI baseUri() {
        return URI.create(settings.edge().scheme() + "://" + settings.httpHost() + ":" + httpServer.getServer().actualPort());
    }

    /** The certificate the edge presents, which its callers trust; null on a plain-HTTP (development) edge. */
    public X509Certificate edgeCertificate() {
        return edgeTls == null ? null : edgeTls.certificate();
    }

    /** The edge certificate's PEM file ({@code curl --cacert}); null on a plain-HTTP edge or from a PKCS#12 store. */
    public java.nio.file.Path edgeCertificateFile() {
        return edgeTls == null ? null : edgeTls.certificateFile();
    }

    /** The local subsystems' client certificates and connection types. */
    public ClientRegistry clients() {
        return clients;
    }

    /** Where auditors and operators reach this node, over TLS, e.g. {@code https://127.0.0.1:8443}. */
    public URI managementUri() {
        return management.uri();
    }

    /** The PEM file of the management port's certificate, for a client to trust. */
    public Path managementCertificate() {
        return management.certificateFile();
    }

    /** The federation configuration in use (a newer one is adopted while the node runs). */
    public Federation federation() {
        return federation;
    }

    public NodeSettings settings() {
        return settings;
    }

    public NodeEvents events() {
        return events;
    }

    /** This node's message log. */
    public MessageLog log() {
        return log;
    }

    /**
     * Checkpoints and publishes the log while the routes still run, stops taking messages, then closes the log (with
     * one more checkpoint if anything arrived while stopping).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.close();
        dispatcher.close();
        log.checkpoint();
        management.close();
        camel.stop();
        delivered.close();
        pending.close();
        health.close();
        lag.close();
        log.close();
    }

    /**
     * A restarted node still refuses replays of what it received before (the envelope ids its log recorded as received
     * within the time window), and still knows which one-way requests it receipted, so a retry is not delivered twice.
     */
    private static void rememberRecentEnvelopes(ReplayGuard replayGuard, ReceiptedMessages receipted,
                                                DeadLetterOffice deadLetters, MessageLog log, Federation federation,
                                                NodeSettings settings, Clock clock)
            throws IOException {
        Instant now = clock.instant();
        Instant since = now.minus(settings.maximumTimeToLive()).minus(settings.clockSkew().multipliedBy(2));
        int remembered = 0;
        Map<EnvelopeId, Instant> handedOver = new HashMap<>();
        for (LogEntry entry : LogTail.since(log.files(), since)) {
            if (entry.header() == null) {
                continue;
            }
            if (LogEntryKind.RECEIVED.wireName().equals(entry.kind())) {
                replayGuard.remember(EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header())), now);
                remembered++;
            } else if (LogEntryKind.DEAD_LETTERED.wireName().equals(entry.kind())) {
                deadLetters.remember(EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header())).id());
            } else if (LogEntryKind.DELIVERED.wireName().equals(entry.kind())) {
                EnvelopeHeader delivered = EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header()));
                if (delivered.type() == EnvelopeType.REQUEST && federation.service(delivered.service())
                        .map(service -> service.pattern() == ServicePattern.ONE_WAY).orElse(false)) {
                    handedOver.put(delivered.id(), delivered.expiresAt().plus(settings.clockSkew()));
                }
            } else if (LogEntryKind.SENT.wireName().equals(entry.kind())) {
                EnvelopeHeader sent = EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header()));
                if (sent.type() == EnvelopeType.RECEIPT) {
                    receipted.remember(sent.correlationId(),
                            sent.issuedAt().plus(settings.oneWayTimeToLive()).plus(settings.clockSkew()), now);
                }
            }
        }
        handedOver.forEach((request, forgettableAfter) -> {
            if (!receipted.contains(request)) {
                receipted.handedOver(request, forgettableAfter, now);
            }
        });
        if (remembered > 0) {
            LOG.info("node {} remembers {} envelope(s) received and {} one-way message(s) receipted before it restarted",
                    settings.member(), remembered, receipted.size());
        }
    }

    /**
     * Loads a connector's Camel YAML routes without an error handler of their own: a failure in a connector (a backend
     * down, a verification refused) goes back to the node's route that called it, whose error policy answers with the
     * code. A connector's own default handler would mark it handled-and-exhausted, and the caller would never see it.
     */
    private static void loadConnectorRoutes(CamelContext camel, ConnectorCatalog.Connector connector) throws Exception {
        Resource routes = ResourceHelper.resolveResource(camel, "file:" + connector.routesFile().toAbsolutePath());
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(routes)) {
            if (builder instanceof RouteBuilder routeBuilder) {
                routeBuilder.setErrorHandlerFactory(new NoErrorHandlerBuilder());
            }
            camel.addRoutes(builder);
        }
    }

    private static TimestampAuthority timestampAuthority(NodeSettings settings) {
        return settings.timestampAuthority() != null ? new HttpTimestampAuthority(settings.timestampAuthority())
                : TimestampingFiles.in(settings.dataDirectory()).loadAuthority();
    }

    /**
     * Creates the topics this node uses that do not exist yet — none, where the operator made them all, as a cluster
     * with ACLs requires (decision 0032) — and clears the node's answers group of a killed run's members.
     */
    private static void prepareKafka(KafkaSettings kafka, Federation federation, NodeSettings settings) {
        List<String> topics = Topics.usedBy(settings.member(),
                federation.members().stream().map(Federation.Member::id).toList());
        try (KafkaAdministrator administrator = new KafkaAdministrator(kafka)) {
            administrator.ensureDeliveredTopics(List.of(settings.member()), settings.deliveredLookBack());
            administrator.ensureTopics(topics, settings.inboxPartitions());
            administrator.removeStaleMembers(Topics.answersGroup(settings.member(), settings.nodeName()));
        }
    }

    private static Properties backendProperties(ConnectorCatalog connectors, NodeSettings settings) {
        Properties properties = new Properties();
        Map<String, String> urls = BackendHttpComponents.backendUrls(connectors, settings);
        for (ConnectorCatalog.Connector connector : connectors.connectors()) {
            if (connector.backendProperty() != null) {
                properties.setProperty(connector.backendProperty(), urls.get(connector.name()));
            }
        }
        return properties;
    }

    private static VertxPlatformHttpServerConfiguration httpConfiguration(NodeSettings settings) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(settings.httpHost());
        configuration.setBindPort(settings.httpPort());
        // Vert.x refuses bodies above this on its own; leave room so that the node's own check answers with problem+json.
        configuration.setMaxBodySize((long) settings.maxMessageBytes() * 2);
        return configuration;
    }
}
