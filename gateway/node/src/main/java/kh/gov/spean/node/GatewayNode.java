package kh.gov.spean.node;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.http.HttpComponent;
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
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeOpener;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.EnvelopeVerifier;
import kh.gov.spean.envelope.ReplayGuard;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.federation.TimestampingFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogTail;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.log.CheckpointPublication;
import kh.gov.spean.node.log.LogReceivedEnvelope;
import kh.gov.spean.node.log.LogSentEnvelope;
import kh.gov.spean.node.log.RecordRejection;
import kh.gov.spean.node.log.WitnessCheckpoint;
import kh.gov.spean.node.routes.CheckpointRoutes;
import kh.gov.spean.node.exchange.AwaitProviderAnswer;
import kh.gov.spean.node.exchange.BindToPendingRequest;
import kh.gov.spean.node.exchange.CompletePendingRequest;
import kh.gov.spean.node.exchange.PendingExchanges;
import kh.gov.spean.node.exchange.RegisterPendingExchange;
import kh.gov.spean.node.exchange.SealRequest;
import kh.gov.spean.node.http.CheckClientAccessRight;
import kh.gov.spean.node.http.CheckClientIsLocal;
import kh.gov.spean.node.http.CheckRateLimit;
import kh.gov.spean.node.http.ReadServiceCall;
import kh.gov.spean.node.http.ValidateRequestPayload;
import kh.gov.spean.node.http.WriteProblemResponse;
import kh.gov.spean.node.http.WriteServiceResponse;
import kh.gov.spean.node.inbox.CheckRecipient;
import kh.gov.spean.node.inbox.CheckTimeWindow;
import kh.gov.spean.node.inbox.DecodeEnvelope;
import kh.gov.spean.node.inbox.HandleInboxRejection;
import kh.gov.spean.node.inbox.OpenPayload;
import kh.gov.spean.node.inbox.RejectReplay;
import kh.gov.spean.node.inbox.ValidateIncomingPayload;
import kh.gov.spean.node.inbox.VerifySignature;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.TopicAdministrator;
import kh.gov.spean.node.kafka.Topics;
import kh.gov.spean.node.provider.CheckBackendAnswer;
import kh.gov.spean.node.provider.CheckProviderAccessRight;
import kh.gov.spean.node.provider.ConnectorCatalog;
import kh.gov.spean.node.provider.PrepareBackendCall;
import kh.gov.spean.node.provider.SealResponse;
import kh.gov.spean.node.provider.ValidateResponsePayload;
import kh.gov.spean.node.routes.ClientExchangeRoute;
import kh.gov.spean.node.routes.ErrorPolicies;
import kh.gov.spean.node.routes.InboxRoute;
import kh.gov.spean.node.routes.NodeEndpoints;
import kh.gov.spean.node.routes.ProvideRoute;
import kh.gov.spean.validation.PayloadValidator;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/**
 * One member's gateway node: loads and checks its federation configuration, keys, schemas and connectors, then runs
 * the Camel routes of the exchange over Kafka behind its HTTP edge. Refuses to start on anything it cannot trust.
 */
public final class GatewayNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);

    /** Envelope JSON carries the payload base64-encoded, plus header and signature: allow for both. */
    private static final int ENVELOPE_OVERHEAD_BYTES = 64 * 1024;
    private static final long BACKEND_CONNECT_TIMEOUT_MS = 5_000;

    private final NodeSettings settings;
    private final CamelContext camel;
    private final VertxPlatformHttpServer httpServer;
    private final NodeEvents events;
    private final MessageLog log;
    private boolean closed;

    private GatewayNode(NodeSettings settings, CamelContext camel, VertxPlatformHttpServer httpServer,
                        NodeEvents events, MessageLog log) {
        this.settings = settings;
        this.camel = camel;
        this.httpServer = httpServer;
        this.events = events;
        this.log = log;
    }

    public static GatewayNode start(NodeSettings settings, Clock clock) {
        settings.validate();
        FederationFiles federationFiles = FederationFiles.in(settings.dataDirectory());
        Federation federation = FederationLoader.load(federationFiles, clock.instant());
        X509Certificate trustAnchor = FederationLoader.loadTrustAnchor(federationFiles);
        Federation.Member self = federation.member(settings.member()).orElseThrow(() -> invalid(
                "member " + settings.member() + " is not in the federation configuration"));
        MemberKeys keys = MemberFiles.in(settings.dataDirectory(), settings.member()).loadKeys();
        if (!keys.signingCertificate().equals(self.signingCertificate())
                || !keys.encryptionCertificate().equals(self.encryptionCertificate())) {
            throw invalid("the keystores of " + settings.member()
                    + " do not hold the certificates the federation configuration registers for it");
        }
        SchemaCatalog schemas = SchemaCatalog.load(settings.schemasDirectory());
        requireFederationSchemas(federation, schemas);
        ConnectorCatalog connectors = ConnectorCatalog.load(settings.connectorsDirectory(), settings.member());

        KafkaSettings kafka = KafkaSettings.defaults(settings.kafkaBootstrap(), settings.maxMessageBytes() * 2 + ENVELOPE_OVERHEAD_BYTES);
        ensureInboxes(kafka, federation, settings);

        NodeEvents events = new NodeEvents(settings.member());
        PendingExchanges pending = new PendingExchanges(settings.requestTimeout());
        MessageLog log = MessageLog.open(settings.logSettings(), new DetachedSigner(keys.signingKey(),
                keys.signingCertificate()), timestampAuthority(settings), clock);
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("spean-" + settings.member().folderName());
        camel.getPropertiesComponent().setInitialProperties(backendProperties(connectors, settings));
        HttpComponent backendCalls = camel.getComponent("http", HttpComponent.class);
        backendCalls.setConnectTimeout(BACKEND_CONNECT_TIMEOUT_MS);
        // A backend that never answers must not hold an inbox consumer for ever: the caller has given up by then.
        backendCalls.setResponseTimeout(settings.requestTimeout().toMillis());
        backendCalls.setSoTimeout(settings.requestTimeout().toMillis());
        VertxPlatformHttpServer httpServer = new VertxPlatformHttpServer(httpConfiguration(settings));
        try {
            camel.addService(httpServer, true, true);
            NodeEndpoints endpoints = new NodeEndpoints(
                    "platform-http:/r1?matchOnUriPrefix=true&httpMethodRestrict=POST",
                    "kafka:" + Topics.inbox(settings.member()) + "?" + kafka.camelConsumerOptions(
                            "spean-node-" + settings.member().folderName(), settings.inboxConsumers()),
                    "kafka:" + Topics.inbox(settings.member()) + "?" + kafka.camelProducerOptions());
            ReplayGuard replayGuard = new ReplayGuard(new TimeWindow(settings.clockSkew(), settings.envelopeTimeToLive()));
            rememberRecentEnvelopes(replayGuard, log, settings, clock);
            NodeParts parts = new NodeParts(settings, federation, trustAnchor, keys, schemas, connectors, events, pending,
                    replayGuard, log, clock);
            addRoutes(camel, endpoints, parts);
            camel.addRoutes(new CheckpointRoutes(
                    "kafka:" + Topics.checkpoints() + "?" + kafka.camelProducerOptions(),
                    "kafka:" + Topics.checkpoints() + "?" + kafka.camelConsumerOptions(
                            "spean-witness-" + settings.member().folderName() + "-" + settings.nodeName(), 1),
                    new WitnessCheckpoint(log.origin(), settings.member(), log, events, trustAnchor, clock)));
            for (ConnectorCatalog.Connector connector : connectors.connectors()) {
                if (!Files.isRegularFile(connector.routesFile())) {
                    continue;
                }
                Resource routes = ResourceHelper.resolveResource(camel, "file:" + connector.routesFile().toAbsolutePath());
                PluginHelper.getRoutesLoader(camel).loadRoutes(routes);
            }
            camel.start();
        } catch (SpeanException e) {
            camel.stop();
            log.close();
            throw e;
        } catch (Exception e) {
            camel.stop();
            log.close();
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the node could not start: " + e.getMessage(), e);
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
        GatewayNode node = new GatewayNode(settings, camel, httpServer, events, log);
        LOG.info("node {} ready at {} (Kafka {})", settings.member(), node.baseUri(), settings.kafkaBootstrap());
        return node;
    }

    /** Where ministry systems call this node, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return URI.create("http://" + settings.httpHost() + ":" + httpServer.getServer().actualPort());
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
        log.checkpoint();
        camel.stop();
        log.close();
    }

    /** What the routes' steps are made from. */
    private record NodeParts(NodeSettings settings, Federation federation, X509Certificate trustAnchor, MemberKeys keys,
                             SchemaCatalog schemas, ConnectorCatalog connectors, NodeEvents events,
                             PendingExchanges pending, ReplayGuard replayGuard, MessageLog log, Clock clock) {
    }

    private static void addRoutes(CamelContext camel, NodeEndpoints endpoints, NodeParts parts) throws Exception {
        NodeSettings settings = parts.settings();
        Federation federation = parts.federation();
        MemberId member = settings.member();
        EnvelopeSealer sealer = new EnvelopeSealer(parts.keys(), parts.clock(), settings.envelopeTimeToLive());
        PayloadValidator validator = parts.schemas().validator();
        OpenPayload openPayload = new OpenPayload(new EnvelopeOpener(
                new PayloadOpener(parts.keys().encryptionKey(), parts.keys().encryptionCertificate())));
        TimeWindow window = new TimeWindow(settings.clockSkew(), settings.envelopeTimeToLive());
        int maxEnvelopeBytes = settings.maxMessageBytes() * 2 + ENVELOPE_OVERHEAD_BYTES;
        LogSentEnvelope logSent = new LogSentEnvelope(parts.log(), member, parts.keys().signingCertificate());
        RecordRejection recordRejection = new RecordRejection(parts.log(), member);

        camel.addRoutes(new ErrorPolicies(new WriteProblemResponse(parts.events(), recordRejection),
                new HandleInboxRejection(federation, sealer, parts.events(), recordRejection), logSent, endpoints));
        camel.addRoutes(new ClientExchangeRoute(endpoints, new ClientExchangeRoute.Steps(
                new ReadServiceCall(federation, settings.maxMessageBytes()),
                new CheckClientIsLocal(member),
                new CheckRateLimit(settings.rateLimitPerSecond()),
                new CheckClientAccessRight(federation),
                new ValidateRequestPayload(validator),
                new SealRequest(federation, sealer),
                logSent,
                new RegisterPendingExchange(parts.pending()),
                new AwaitProviderAnswer(parts.pending()),
                new WriteServiceResponse())));
        camel.addRoutes(new InboxRoute(endpoints, new InboxRoute.Steps(
                new DecodeEnvelope(maxEnvelopeBytes),
                new VerifySignature(new EnvelopeVerifier(federation, parts.trustAnchor()), parts.clock()),
                new CheckRecipient(member),
                new CheckTimeWindow(window, parts.clock()),
                new RejectReplay(parts.replayGuard(), parts.clock()),
                new BindToPendingRequest(parts.pending()),
                openPayload,
                ValidateIncomingPayload.responses(federation, validator),
                LogReceivedEnvelope.answers(parts.log(), member),
                new CompletePendingRequest())));
        camel.addRoutes(new ProvideRoute(endpoints, new ProvideRoute.Steps(
                new CheckProviderAccessRight(federation, member, parts.connectors()),
                openPayload,
                ValidateIncomingPayload.requests(federation, validator),
                LogReceivedEnvelope.deliveries(parts.log(), member),
                new PrepareBackendCall(parts.events()),
                new CheckBackendAnswer(),
                new ValidateResponsePayload(validator),
                new SealResponse(federation, sealer),
                logSent)));
    }

    /**
     * A restarted node still refuses replays of what it received before: the envelope ids its log recorded as
     * received within the time window, read from the log's end.
     */
    private static void rememberRecentEnvelopes(ReplayGuard replayGuard, MessageLog log, NodeSettings settings,
                                                Clock clock) throws IOException {
        Instant now = clock.instant();
        Instant since = now.minus(settings.envelopeTimeToLive()).minus(settings.clockSkew().multipliedBy(2));
        int remembered = 0;
        for (LogEntry entry : LogTail.since(log.files(), since)) {
            if (LogEntryKind.RECEIVED.wireName().equals(entry.kind()) && entry.header() != null) {
                replayGuard.remember(EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header())), now);
                remembered++;
            }
        }
        if (remembered > 0) {
            LOG.info("node {} remembers {} envelope(s) received before it restarted", settings.member(), remembered);
        }
    }

    private static TimestampAuthority timestampAuthority(NodeSettings settings) {
        return settings.timestampAuthority() != null ? new HttpTimestampAuthority(settings.timestampAuthority())
                : TimestampingFiles.in(settings.dataDirectory()).loadAuthority();
    }

    private static void requireFederationSchemas(Federation federation, SchemaCatalog schemas) {
        for (Federation.Service service : federation.services()) {
            for (SchemaId id : List.of(service.requestSchema(), service.responseSchema())) {
                if (!schemas.contains(id)) {
                    throw invalid("schema " + id + " of " + service.id() + " is missing from the schemas folder");
                }
                if (!schemas.sha256Hex(id).equals(federation.schemaDigest(id).orElseThrow())) {
                    throw invalid("schema " + id + " differs from the one the federation configuration fixes");
                }
            }
        }
    }

    private static void ensureInboxes(KafkaSettings kafka, Federation federation, NodeSettings settings) {
        List<String> topics = new ArrayList<>();
        federation.members().forEach(member -> topics.add(Topics.inbox(member.id())));
        topics.add(Topics.checkpoints());
        try (TopicAdministrator administrator = new TopicAdministrator(kafka)) {
            administrator.ensureTopics(topics, settings.inboxPartitions(), (short) 1);
        }
    }

    private static Properties backendProperties(ConnectorCatalog connectors, NodeSettings settings) {
        Properties properties = new Properties();
        for (ConnectorCatalog.Connector connector : connectors.connectors()) {
            if (connector.backendProperty() != null) {
                properties.setProperty(connector.backendProperty(),
                        settings.backends().getOrDefault(connector.name(), connector.defaultBackendUrl()));
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

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, detail);
    }
}
