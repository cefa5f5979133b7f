package kh.gov.spean.cli.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.ListeningAddress;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.management.ManagementSettings;
import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;
import kh.gov.spean.node.provider.ConnectorCatalog;

/**
 * Everything the demo runs, on this machine: an embedded Kafka broker, one WireMock backend per connector, and one
 * gateway node per member of the federation, each with its own data folder.
 */
public final class DemoNetwork implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final Map<String, WireMockServer> backends;
    private final Map<MemberId, GatewayNode> nodes;

    private DemoNetwork(EmbeddedKafkaBroker broker, Map<String, WireMockServer> backends, Map<MemberId, GatewayNode> nodes) {
        this.broker = broker;
        this.backends = backends;
        this.nodes = nodes;
    }

    /**
     * Starts the network over an initialised data directory. Ports are picked free unless {@code basePort} is positive:
     * then nodes listen on basePort, basePort+1, … in member order, backends from basePort+10 on, and the nodes'
     * management ports from basePort+20 on.
     */
    public static DemoNetwork start(Path data, Path repositoryRoot, int basePort) {
        return start(data, repositoryRoot, basePort, member -> true, Map.of());
    }

    /**
     * Starts only the nodes (and their connectors' backends) of the members {@code included} accepts; the connectors
     * named in {@code givenBackends} are pointed at the caller's backend (connector name to base URL) instead of a mock
     * of their own.
     */
    public static DemoNetwork start(Path data, Path repositoryRoot, int basePort, Predicate<MemberId> included,
                                    Map<String, String> givenBackends) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"));
        Map<String, WireMockServer> backends = new LinkedHashMap<>();
        Map<MemberId, GatewayNode> nodes = new LinkedHashMap<>();
        DemoNetwork network = new DemoNetwork(broker, backends, nodes);
        try {
            Federation federation = FederationLoader.load(FederationFiles.in(data), Clock.systemUTC().instant());
            List<MemberId> members = new ArrayList<>();
            federation.members().stream().map(Federation.Member::id).filter(included).forEach(members::add);
            members.sort((a, b) -> a.toString().compareTo(b.toString()));
            int backendPort = basePort > 0 ? basePort + 10 : 0;
            Map<String, String> backendUrls = new LinkedHashMap<>();
            for (MemberId member : members) {
                for (ConnectorCatalog.Connector connector : ConnectorCatalog.load(repositoryRoot.resolve("connectors"), member).connectors()) {
                    if (givenBackends.containsKey(connector.name())) {
                        backendUrls.put(connector.name(), givenBackends.get(connector.name()));
                        continue;
                    }
                    Path mocks = connector.folder().resolve("wiremock");
                    if (!Files.isDirectory(mocks.resolve("mappings"))) {
                        continue;
                    }
                    ListeningAddress.requireFree("the mock backend of " + connector.name(), "127.0.0.1", backendPort);
                    WireMockServer backend = new WireMockServer(WireMockConfiguration.options()
                            .bindAddress("127.0.0.1")
                            .port(backendPort)
                            .usingFilesUnderDirectory(mocks.toString())
                            .globalTemplating(true));
                    backend.start();
                    backends.put(connector.name(), backend);
                    backendUrls.put(connector.name(), "http://127.0.0.1:" + backend.port());
                    backendPort = backendPort > 0 ? backendPort + 1 : 0;
                }
            }
            int nodePort = basePort;
            int managementPort = basePort > 0 ? basePort + 20 : 0;
            for (MemberId member : members) {
                NodeSettings settings = NodeSettings.defaults(member, data, broker.bootstrapServers(), repositoryRoot)
                        .withHttpPort(nodePort)
                        .withBackends(backendUrls);
                nodes.put(member, GatewayNode.start(settings, ManagementSettings.defaults().withPort(managementPort),
                        Clock.systemUTC()));
                nodePort = nodePort > 0 ? nodePort + 1 : 0;
                managementPort = managementPort > 0 ? managementPort + 1 : 0;
            }
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public GatewayNode node(MemberId member) {
        GatewayNode node = nodes.get(member);
        if (node == null) {
            throw new IllegalArgumentException("no node for " + member);
        }
        return node;
    }

    public Map<MemberId, GatewayNode> nodes() {
        return nodes;
    }

    public Map<String, WireMockServer> backends() {
        return backends;
    }

    /** Requests all backends have received so far, from WireMock's own journal. */
    public int backendRequests() {
        return backends.values().stream().mapToInt(backend -> backend.getAllServeEvents().size()).sum();
    }

    @Override
    public void close() {
        nodes.values().forEach(GatewayNode::close);
        backends.values().forEach(WireMockServer::stop);
        broker.close();
    }
}
