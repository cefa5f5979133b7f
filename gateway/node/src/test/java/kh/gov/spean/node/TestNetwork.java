package kh.gov.spean.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.edge.EdgeSecurity;
import kh.gov.spean.node.edge.TlsCredential;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.provider.ConnectorCatalog;

/**
 * Real nodes on the JVM's shared Kafka broker — Interior and Economy and Finance, or the members a test names — with
 * each of their connectors' backends mocked by a real WireMock server loaded from the connector's own mappings. Each
 * subsystem of those members has a client certificate registered at its node, which {@link #call} presents.
 */
public final class TestNetwork implements AutoCloseable {

    public static final MemberId MOI = MemberId.parse("KH/GOV/MOI");
    public static final MemberId MEF = MemberId.parse("KH/GOV/MEF");
    public static final String VERIFY_CITIZEN = "KH/GOV/MOI/ID-REGISTRY/verifyCitizen";
    /** The acting official ({@code X-Road-UserId}) the tests' calls to personal-data services name. */
    public static final String OFFICIAL = "KH-MEF-OFFICIAL-0042";
    /** The purpose the business registry's access right to verifyCitizen grants. */
    public static final String VERIFY_CITIZEN_PURPOSE = "BUSINESS_REGISTRATION";
    public static final String BUSINESS_REGISTRY = "KH/GOV/MEF/BUSINESS-REGISTRY";
    public static final MemberId MPTC = MemberId.parse("KH/GOV/MPTC");
    public static final MemberId MLMUPC = MemberId.parse("KH/GOV/MLMUPC");

    private static final Map<Path, DevelopmentBackendTls> BACKEND_TLS = new ConcurrentHashMap<>();

    private final Path data;
    private final Federation federation;
    private final Map<String, WireMockServer> backends;
    private final Map<MemberId, GatewayNode> nodes;
    private final Map<MemberId, NodeSettings> settings = new ConcurrentHashMap<>();
    private final Map<EnvelopeId, CompletableFuture<NodeEvents.Rejection>> refusals = new ConcurrentHashMap<>();
    private final Map<SubsystemId, TlsCredential> credentials;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    private TestNetwork(Path data, Federation federation, Map<String, WireMockServer> backends,
                        Map<MemberId, GatewayNode> nodes, Map<SubsystemId, TlsCredential> credentials) {
        this.data = data;
        this.credentials = credentials;
        this.federation = federation;
        this.backends = backends;
        this.nodes = nodes;
        nodes.values().forEach(this::watch);
    }

    private void watch(GatewayNode node) {
        node.events().onRejection(rejection -> {
            if (rejection.envelopeId() != null) {
                refusals.computeIfAbsent(rejection.envelopeId(), id -> new CompletableFuture<>()).complete(rejection);
            }
        });
    }

    public static TestNetwork start(Path data, Duration requestTimeout) throws Exception {
        return start(data, requestTimeout, UnaryOperator.identity(), MOI, MEF);
    }

    /**
     * Interior and Economy and Finance with plain-HTTP (development) edges: for tests of what the edge does with a
     * request it reads — parsing, refusals before any route — written by hand on a socket or read by a browser.
     */
    public static TestNetwork startPlainHttp(Path data, Duration requestTimeout) throws Exception {
        return start(data, requestTimeout, settings -> settings.withEdge(EdgeSecurity.developmentPlainHttp()), MOI, MEF);
    }

    /** Starts a node per member (settings adjusted by {@code tuning}) and a WireMock backend per connector of theirs. */
    public static TestNetwork start(Path data, Duration requestTimeout, UnaryOperator<NodeSettings> tuning,
                                    MemberId... members) throws Exception {
        return start(data, repositoryRoot(), requestTimeout, tuning, members);
    }

    /**
     * As {@link #start(Path, Duration, UnaryOperator, MemberId...)}, from the federation seed, schemas and connectors
     * of {@code root} instead of the repository's: for a test that adds a member or a service of its own.
     */
    public static TestNetwork start(Path data, Path root, Duration requestTimeout, UnaryOperator<NodeSettings> tuning,
                                    MemberId... members) throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds/federation.json"),
                root.resolve("schemas"), data);
        Federation federation = FederationLoader.load(FederationFiles.in(data), Clock.systemUTC().instant());
        DevelopmentBackendTls tls = backendTls(data);
        Map<String, WireMockServer> backends = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (MemberId member : members) {
            for (ConnectorCatalog.Connector connector : ConnectorCatalog.load(root.resolve("connectors"), member).connectors()) {
                Path mocks = connector.folder().resolve("wiremock");
                if (Files.isDirectory(mocks.resolve("mappings"))) {
                    WireMockServer backend = new WireMockServer(https(WireMockConfiguration.options()
                            .bindAddress("127.0.0.1").usingFilesUnderDirectory(mocks.toString()).globalTemplating(true), tls));
                    backend.start();
                    backends.put(connector.name(), backend);
                    urls.put(connector.name(), baseUrl(backend));
                }
            }
        }
        Map<SubsystemId, TlsCredential> credentials = DevelopmentClients.issueAll(data, federation, Clock.systemUTC(),
                java.util.List.of(members));
        Map<MemberId, GatewayNode> nodes = new ConcurrentHashMap<>();
        for (MemberId member : members) {
            nodes.put(member, GatewayNode.start(tuning.apply(settings(member, data, root, requestTimeout, urls)),
                    Clock.systemUTC()));
        }
        TestNetwork network = new TestNetwork(data, federation, backends, nodes, credentials);
        nodes.forEach((member, node) -> network.settings.put(member, node.settings()));
        return network;
    }

    /** Stops a member's node, as a subscriber or provider going down. */
    public void stop(MemberId member) {
        nodes.get(member).close();
    }

    /** Starts a stopped member's node again, with the same settings and data. */
    public GatewayNode restart(MemberId member) {
        GatewayNode node = GatewayNode.start(settings.get(member), Clock.systemUTC());
        nodes.put(member, node);
        watch(node);
        return node;
    }

    /**
     * A node of the test network's settings with a plain-HTTP (development) edge: for fault tests whose load comes from
     * plain HTTP clients, as their node processes run with {@code --dev-plain-http}; the edge's TLS is tested apart.
     */
    public static NodeSettings plainHttpSettings(MemberId member, Path data, Path root, Duration timeout,
                                                 Map<String, String> backends) {
        return settings(member, data, root, timeout, backends).withEdge(EdgeSecurity.developmentPlainHttp());
    }

    public static NodeSettings settings(MemberId member, Path data, Path root, Duration timeout, Map<String, String> backends) {
        return NodeSettings.defaults(member, data, SharedKafkaBroker.bootstrapServers(), root)
                .withHttpPort(0).withBackends(backends).withRequestTimeout(timeout)
                .withBackendTls(BackendTls.of(backendTls(data)));
    }

    /** The development backend CA and certificates under {@code data}, made once per data folder. */
    public static DevelopmentBackendTls backendTls(Path data) {
        return BACKEND_TLS.computeIfAbsent(data, folder -> DevelopmentBackendTls.create(folder.resolve("backend-tls"),
                "Spean test backend CA"));
    }

    /** WireMock serving HTTPS only on a free port, with a server certificate from {@code tls}, requiring its client certificate. */
    public static WireMockConfiguration https(WireMockConfiguration options, DevelopmentBackendTls tls) {
        return options.httpDisabled(true).httpsPort(0)
                .keystorePath(tls.serverKeystore().toString()).keystoreType("PKCS12")
                .keystorePassword(tls.password()).keyManagerPassword(tls.password())
                .needClientAuth(true)
                .trustStorePath(tls.truststore().toString()).trustStoreType("PKCS12")
                .trustStorePassword(tls.password());
    }

    /** The base URL a connector is pointed at. */
    public static String baseUrl(WireMockServer backend) {
        return "https://127.0.0.1:" + backend.httpsPort();
    }

    /** The repository's shared folders, which Failsafe names to the test JVM (see the parent pom). */
    public static Path repositoryRoot() {
        String configured = System.getProperty("spean.repository.root");
        if (configured == null || !Files.isDirectory(Path.of(configured, "schemas"))) {
            throw new IllegalStateException("system property spean.repository.root must name the repository (the build sets it)");
        }
        return Path.of(configured);
    }

    public Federation federation() {
        return federation;
    }

    public Path data() {
        return data;
    }

    /** Interior's ID registry backend. */
    public WireMockServer backend() {
        return backend("moi-id-registry");
    }

    /** The mock backend of a connector, by its folder name. */
    public WireMockServer backend(String connector) {
        return backends.get(connector);
    }

    public GatewayNode node(MemberId member) {
        return nodes.get(member);
    }

    public GatewayNode moi() {
        return node(MOI);
    }

    public GatewayNode mef() {
        return node(MEF);
    }

    public MemberKeys keys(MemberId member) {
        return MemberFiles.in(data, member).loadKeys();
    }

    /** Requests Interior's backend has received, from WireMock's journal. */
    public int backendHits() {
        return backend().getAllServeEvents().size();
    }

    /** Completes with the first refusal of an envelope by either node, whenever it happens. */
    public CompletableFuture<NodeEvents.Rejection> refusalOf(EnvelopeId id) {
        return refusals.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    /** The client certificate registered for a subsystem of the network's members. */
    public TlsCredential credential(String subsystem) {
        return credentials.get(SubsystemId.parse(subsystem));
    }

    /**
     * An HTTP client of {@code node}'s edge that presents {@code subsystem}'s registered certificate (none if the
     * subsystem is null or has none here) and trusts the node's own.
     */
    public HttpClient http(GatewayNode node, String subsystem) {
        TlsCredential credential = subsystem == null ? null : credentials.get(parseOrNull(subsystem));
        X509Certificate edge = node.edgeCertificate();
        String key = (edge == null ? "plain" : kh.gov.spean.federation.Federation.fingerprint(edge)) + " "
                + (credential == null ? "-" : credential.fingerprint());
        return clients.computeIfAbsent(key, ignored -> DevelopmentClients.httpClient(credential, edge));
    }

    private static SubsystemId parseOrNull(String subsystem) {
        try {
            return SubsystemId.parse(subsystem.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public HttpResponse<String> call(GatewayNode node, String client, String service, String body) throws Exception {
        return call(node, client, service, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * POSTs {@code body} as {@code client} calls {@code service}, as a ministry's system does: to a personal-data service
     * with the purpose its access right grants (the first, by name) and {@link #OFFICIAL} as the acting official.
     */
    public HttpResponse<String> call(GatewayNode node, String client, String service, byte[] body, String contentType)
            throws Exception {
        SubsystemId caller = client == null ? null : parseOrNull(client);
        Optional<Federation.Service> called = parseServiceOrEmpty(service).flatMap(federation::service);
        Map<String, String> headers = Map.of();
        if (caller != null && called.isPresent() && called.get().personalData()) {
            headers = federation.purposesGranted(caller, called.get().id()).stream().sorted().findFirst()
                    .map(purpose -> declaring(purpose, Map.of())).orElse(Map.of());
        }
        return call(node, client, service, body, contentType, headers);
    }

    /** The business registry's verifyCitizen request with {@code json}, sealed by hand as MEF's node seals one. */
    public Envelope verifyCitizenRequest(byte[] json) {
        return verifyCitizenRequest(federation, keys(MEF), BUSINESS_REGISTRY, Clock.systemUTC(), json,
                VERIFY_CITIZEN_PURPOSE, OFFICIAL);
    }

    /**
     * A verifyCitizen request of {@code client}, signed and sealed to Interior by hand with {@code sender}'s keys, its
     * signed header declaring {@code purpose} and {@code official} (each null for none): for tests that write envelopes
     * straight to Kafka, skipping the client's node.
     */
    public static Envelope verifyCitizenRequest(Federation federation, MemberKeys sender, String client, Clock clock,
                                                byte[] json, String purpose, String official) {
        ServiceId service = ServiceId.parse(VERIFY_CITIZEN);
        Federation.Service definition = federation.service(service).orElseThrow();
        EnvelopeDraft draft = EnvelopeDraft.request(SubsystemId.parse(client), service, definition.requestSchema(),
                federation.schemaDigest(definition.requestSchema()).orElseThrow());
        return new EnvelopeSealer(sender, clock, Duration.ofMinutes(5)).seal(
                draft.withRest(RestFields.request("POST", draft.id().toString(), null, official, null, null, purpose)),
                new RestFrame("", List.of(new RestFrame.Field("Content-Type", "application/json"))), json,
                federation.member(MOI).orElseThrow().encryptionCertificate()).envelope();
    }

    /** {@code headers}, with {@code purpose} declared and {@link #OFFICIAL} acting unless they name their own. */
    public static Map<String, String> declaring(String purpose, Map<String, String> headers) {
        Map<String, String> declared = new HashMap<>(Map.of("X-Spean-Purpose", purpose, "X-Road-UserId", OFFICIAL));
        declared.putAll(headers);
        return declared;
    }

    /** POSTs {@code body} as {@code client} calls {@code service}, with exactly these further headers. */
    public HttpResponse<String> call(GatewayNode node, String client, String service, byte[] body, String contentType,
                                     Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUri() + "/r1/" + service))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (client != null) {
            request.header("X-Road-Client", client);
        }
        headers.forEach(request::header);
        return http(node, client).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<ServiceId> parseServiceOrEmpty(String service) {
        try {
            return Optional.of(ServiceId.parse(service));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        nodes.values().forEach(GatewayNode::close);
        backends.values().forEach(WireMockServer::stop);
    }
}
