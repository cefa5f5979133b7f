package kh.gov.spean.cli.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.BackendTls;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.ListeningAddress;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.edge.EdgeSecurity;
import kh.gov.spean.node.edge.TlsCredential;
import kh.gov.spean.node.management.ManagementSettings;
import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;
import kh.gov.spean.node.kafka.KafkaAccessControl;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.MemberQuota;
import kh.gov.spean.node.kafka.ScramCredentials;
import kh.gov.spean.node.kafka.SecretFiles;
import kh.gov.spean.node.kafka.Topics;
import kh.gov.spean.node.provider.ConnectorCatalog;

/**
 * Everything the demo runs, on this machine: an embedded Kafka broker, one WireMock backend per connector, and one
 * gateway node per member of the federation, each with its own data folder. The broker authenticates every client and
 * applies the federation's ACLs and quotas; each node logs in as its member (decision 0032).
 */
public final class DemoNetwork implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final Map<SubsystemId, TlsCredential> credentials = new LinkedHashMap<>();
    private final Map<String, WireMockServer> backends;
    private final Map<MemberId, GatewayNode> nodes;

    private DemoNetwork(EmbeddedKafkaBroker broker, Map<String, WireMockServer> backends, Map<MemberId, GatewayNode> nodes) {
        this.broker = broker;
        this.backends = backends;
        this.nodes = nodes;
    }

    /** Whether the demo's broker knows who writes: on, except where a caller measures against figures taken without. */
    public enum KafkaLogins { MEMBERS, NONE }

    /**
     * Starts the network over an initialised data directory. Ports are picked free unless {@code basePort} is positive:
     * then nodes listen on basePort, basePort+1, … in member order, backends from basePort+10 on, and the nodes'
     * management ports from basePort+20 on.
     */
    public static DemoNetwork start(Path data, Path repositoryRoot, int basePort) {
        return start(data, repositoryRoot, basePort, member -> true, Map.of(), KafkaLogins.MEMBERS);
    }

    /**
     * Starts only the nodes (and their connectors' backends) of the members {@code included} accepts; the connectors
     * named in {@code givenBackends} are pointed at the caller's backend (connector name to base URL) instead of a mock
     * of their own. With {@link KafkaLogins#MEMBERS} the broker authenticates, the federation's topics, ACLs and quotas
     * are set up by its administrator, and each node logs in as its member under a password made for this run.
     */
    public static DemoNetwork start(Path data, Path repositoryRoot, int basePort, Predicate<MemberId> included,
                                    Map<String, String> givenBackends, KafkaLogins logins) {
        return start(data, repositoryRoot, basePort, included, givenBackends, EdgeSecurity.defaults(), logins,
                DevelopmentBackendTls.create(data.resolve("backend-tls"), "Spean development backend CA"));
    }

    /**
     * As above, with the nodes' edges protected as {@code edge} says, and the mock backends serving HTTPS with
     * {@code tls}'s server certificate and requiring its client certificate, which the nodes present; a given backend
     * must trust that client certificate too.
     */
    public static DemoNetwork start(Path data, Path repositoryRoot, int basePort, Predicate<MemberId> included,
                                    Map<String, String> givenBackends, EdgeSecurity edge, KafkaLogins logins,
                                    DevelopmentBackendTls tls) {
        EmbeddedKafkaBroker broker = logins == KafkaLogins.MEMBERS
                ? EmbeddedKafkaBroker.startWithAuthentication(data.resolve("kafka"), 0)
                : EmbeddedKafkaBroker.start(data.resolve("kafka"));
        Map<String, WireMockServer> backends = new LinkedHashMap<>();
        Map<MemberId, GatewayNode> nodes = new LinkedHashMap<>();
        DemoNetwork network = new DemoNetwork(broker, backends, nodes);
        try {
            Federation federation = FederationLoader.load(FederationFiles.in(data), Clock.systemUTC().instant());
            List<MemberId> members = new ArrayList<>();
            federation.members().stream().map(Federation.Member::id).filter(included).forEach(members::add);
            // Members serving no connector (the Data Protection Office) after the ministries, so that their ports stay put.
            Path connectorsRoot = repositoryRoot.resolve("connectors");
            members.sort(Comparator.comparing((MemberId member) -> ConnectorCatalog.load(connectorsRoot, member)
                    .connectors().isEmpty()).thenComparing(MemberId::toString));
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
                    // Templating only where a mapping asks for it ("transformers": ["response-template"]): a body
                    // file templated as text would lose every byte that is not UTF-8, so a PDF would not arrive exact.
                    WireMockServer backend = new WireMockServer(MockBackendTls.https(WireMockConfiguration.options()
                            .bindAddress("127.0.0.1")
                            .usingFilesUnderDirectory(mocks.toString())
                            .templatingEnabled(true).globalTemplating(false), tls, backendPort));
                    backend.start();
                    backends.put(connector.name(), backend);
                    backendUrls.put(connector.name(), MockBackendTls.baseUrl(backend));
                    backendPort = backendPort > 0 ? backendPort + 1 : 0;
                }
            }
            network.credentials.putAll(DevelopmentClients.issueAll(data, federation, Clock.systemUTC(), members));
            Map<MemberId, Map<String, String>> kafkaClients = logins == KafkaLogins.MEMBERS
                    ? network.setUpAccess(federation, members) : Map.of();
            int nodePort = basePort;
            int managementPort = basePort > 0 ? basePort + 20 : 0;
            for (MemberId member : members) {
                NodeSettings settings = NodeSettings.defaults(member, data, broker.bootstrapServers(), repositoryRoot)
                        .withKafka(broker.bootstrapServers(), kafkaClients.getOrDefault(member, Map.of()))
                        .withHttpPort(nodePort)
                        .withBackends(backendUrls)
                        .withEdge(edge)
                        .withBackendTls(BackendTls.of(tls));
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

    /**
     * As the operator does ({@code spean kafka acls --apply}), with the broker's administrator: the federation's topics,
     * ACLs and quotas; then a login for each member with a node here. Returns each such member's Kafka client settings.
     */
    private Map<MemberId, Map<String, String>> setUpAccess(Federation federation, List<MemberId> withNodes) {
        KafkaSettings admin = administrator();
        List<MemberId> everyMember = federation.members().stream().map(Federation.Member::id).toList();
        KafkaAccessControl.applyFederation(admin, everyMember, NodeSettings.DEFAULT_INBOX_PARTITIONS, MemberQuota.defaults());
        Map<MemberId, Map<String, String>> clients = new LinkedHashMap<>();
        try (KafkaAccessControl access = new KafkaAccessControl(admin)) {
            for (MemberId member : withNodes) {
                ScramCredentials login = ScramCredentials.of(member, SecretFiles.randomSecret());
                access.register(login);
                access.awaitInForce(login, Topics.usedBy(member, everyMember));
                clients.put(member, login.clientProperties(Map.of()));
            }
        }
        return clients;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The client credential registered for a subsystem of a member this network runs (null for another). */
    public TlsCredential credential(SubsystemId subsystem) {
        return credentials.get(subsystem);
    }

    /**
     * Kafka as the broker's administrator sees it, for the demo's own tools — the eavesdropper and the attacker who
     * writes into an inbox: the strongest position on Kafka, and still every forged record is refused by the nodes.
     */
    public KafkaSettings administrator() {
        return KafkaSettings.defaults(broker.bootstrapServers(), GatewayNode.kafkaRecordBytes(
                NodeSettings.DEFAULT_MAX_MESSAGE_BYTES)).withClientProperties(broker.adminClientProperties());
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
