package kh.gov.spean.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.kafka.SharedKafkaBroker;

/**
 * Two real nodes (Interior and Economy and Finance) on the JVM's shared Kafka broker, with Interior's backend mocked by
 * a real WireMock server loaded from the connector's own mappings.
 */
public final class TestNetwork implements AutoCloseable {

    public static final MemberId MOI = MemberId.parse("KH/GOV/MOI");
    public static final MemberId MEF = MemberId.parse("KH/GOV/MEF");
    public static final String VERIFY_CITIZEN = "KH/GOV/MOI/ID-REGISTRY/verifyCitizen";
    public static final String BUSINESS_REGISTRY = "KH/GOV/MEF/BUSINESS-REGISTRY";

    private final Path data;
    private final Federation federation;
    private final WireMockServer backend;
    private final GatewayNode moi;
    private final GatewayNode mef;
    private final Map<EnvelopeId, CompletableFuture<NodeEvents.Rejection>> refusals = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private TestNetwork(Path data, Federation federation, WireMockServer backend, GatewayNode moi, GatewayNode mef) {
        this.data = data;
        this.federation = federation;
        this.backend = backend;
        this.moi = moi;
        this.mef = mef;
        for (GatewayNode node : new GatewayNode[] {moi, mef}) {
            node.events().onRejection(rejection -> {
                if (rejection.envelopeId() != null) {
                    refusals.computeIfAbsent(rejection.envelopeId(), id -> new CompletableFuture<>()).complete(rejection);
                }
            });
        }
    }

    public static TestNetwork start(Path data, Duration requestTimeout) throws Exception {
        Path root = repositoryRoot();
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds/federation.json"),
                root.resolve("schemas"), data);
        Federation federation = FederationLoader.load(FederationFiles.in(data), Clock.systemUTC().instant());
        WireMockServer backend = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(root.resolve("connectors/moi-id-registry/wiremock").toString())
                .globalTemplating(true));
        backend.start();
        Map<String, String> backends = Map.of("moi-id-registry", "http://127.0.0.1:" + backend.port());
        GatewayNode moi = GatewayNode.start(settings(MOI, data, root, requestTimeout, backends), Clock.systemUTC());
        GatewayNode mef = GatewayNode.start(settings(MEF, data, root, requestTimeout, backends), Clock.systemUTC());
        return new TestNetwork(data, federation, backend, moi, mef);
    }

    public static NodeSettings settings(MemberId member, Path data, Path root, Duration timeout, Map<String, String> backends) {
        return NodeSettings.defaults(member, data, SharedKafkaBroker.bootstrapServers(), root)
                .withHttpPort(0).withBackends(backends).withRequestTimeout(timeout);
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

    public WireMockServer backend() {
        return backend;
    }

    public GatewayNode moi() {
        return moi;
    }

    public GatewayNode mef() {
        return mef;
    }

    public MemberKeys keys(MemberId member) {
        return MemberFiles.in(data, member).loadKeys();
    }

    /** Requests Interior's backend has received, from WireMock's journal. */
    public int backendHits() {
        return backend.getAllServeEvents().size();
    }

    /** Completes with the first refusal of an envelope by either node, whenever it happens. */
    public CompletableFuture<NodeEvents.Rejection> refusalOf(EnvelopeId id) {
        return refusals.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    public HttpResponse<String> call(GatewayNode node, String client, String service, String body) throws Exception {
        return call(node, client, service, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public HttpResponse<String> call(GatewayNode node, String client, String service, byte[] body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUri() + "/r1/" + service))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (client != null) {
            request.header("X-Road-Client", client);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        mef.close();
        moi.close();
        backend.stop();
    }
}
