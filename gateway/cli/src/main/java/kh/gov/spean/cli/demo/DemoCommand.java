package kh.gov.spean.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.connector.ExampleCheck;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.files.FolderTree;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.edge.EdgeFiles;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.Topics;
import kh.gov.spean.json.SpeanJson;

/**
 * {@code spean demo}: a fresh federation, an embedded Kafka broker, the mock ministries and one node per member; plays
 * the scenarios and the attacks, prints what happened, and exits 0 only if every expectation held.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the federation on this machine, play the scenarios and the attacks, and report.")
public final class DemoCommand implements Callable<Integer> {

    /**
     * With --serve, nodes listen from this port on (in member order), backends from this port + 10, management ports
     * from this port + 20.
     */
    static final int SERVE_BASE_PORT = 8080;

    @Option(names = "--data", description = "Data directory, recreated on each run (default: data/demo).")
    Path data;

    @Option(names = "--serve", description = "Keep the nodes and backends running after the scenarios, for trying by hand.")
    boolean serve;

    @Option(names = "--base-port", defaultValue = "-1",
            description = "First port for nodes (backends from +10, management ports from +20); 0 picks free ports."
                    + " Default: 8080 with --serve, else 0.")
    int basePort;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws InterruptedException {
        // The demo prints every refusal in its own account; the nodes' warning lines would only repeat them.
        System.setProperty("org.slf4j.simpleLogger.log." + NodeEvents.class.getName(), "error");
        Path root = SpeanHome.root();
        Path dataDirectory = data != null ? data : root.resolve("data").resolve("demo");
        recreate(dataDirectory);
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), dataDirectory);
        Federation federation = FederationLoader.load(FederationFiles.in(dataDirectory), Clock.systemUTC().instant());
        DemoScenarios scenarios = DemoScenarios.load(root);
        int ports = basePort >= 0 ? basePort : serve ? SERVE_BASE_PORT : 0;

        DemoReport report = new DemoReport(out);
        List<String> answeredIds = new ArrayList<>();
        Map<String, DemoScenarios.ExchangeScenario> answered = new LinkedHashMap<>();
        DemoNetwork network = DemoNetwork.start(dataDirectory, root, ports);
        ExchangePlayer http = new ExchangePlayer(network::credential);
        try {
            describe(network, dataDirectory);
            report.section("Exchanges between the four ministries: request/response, one-way with a receipt, an event");
            ExampleCheck check = new ExampleCheck(network);
            for (DemoScenarios.ExchangeScenario scenario : scenarios.exchanges()) {
                ExampleCheck.Verdict verdict = check.check(scenario);
                if (verdict.passed()) {
                    answeredIds.add(verdict.xRoadId());
                    answered.put(verdict.xRoadId(), scenario);
                }
                report.record(new Outcome(scenario.name(), scenario.client() + " -> " + scenario.service(),
                        verdict.passed() ? verdict.summary() : verdict.summary() + ": " + verdict.reason(),
                        verdict.millis(), verdict.passed(), "X-Road-Id " + verdict.xRoadId()));
            }
            report.section("Attacks (each must be refused with its code, and reach no backend)");
            AttackPlayer attacks = new AttackPlayer(network, federation, dataDirectory, http, scenarios.exchanges().get(0));
            for (DemoScenarios.AttackScenario attack : scenarios.attacks()) {
                report.record(attacks.play(attack));
            }
            report.section("What an eavesdropper on Kafka sees");
            report.record(scanForPlaintext(network, federation, scenarios));
            report.section("Who looked at the sample citizen's data? The Data Protection Office asks every member"
                    + " (spean dpo report)");
            report.record(new DemoCitizenReport(network, dataDirectory).play(report, answered));
            if (serve) {
                serveUntilStopped(network, scenarios, dataDirectory);
            }
        } finally {
            // Closing the nodes takes each log's last checkpoint, so the audit below covers every entry.
            network.close();
        }
        report.section("The message logs, as an auditor checks them (spean audit verify)");
        new LogAudit(out, federation, dataDirectory).auditAll(report,
                scenarios.exchanges().get(0).service().member(), answeredIds);
        report.summary();
        return report.allHeld() ? 0 : 1;
    }

    private void describe(DemoNetwork network, Path dataDirectory) {
        out.println("Spean demo: data in " + dataDirectory + ", embedded Kafka (KRaft) at " + network.bootstrapServers()
                + ": each node logs in as its member (SCRAM-SHA-512), the federation's ACLs and quotas apply");
        network.nodes().forEach((member, node) -> out.println("  node    " + member + "  " + node.baseUri()));
        network.backends().forEach((name, backend) ->
                out.println("  backend " + name + " (WireMock)  " + MockBackendTls.baseUrl(backend)));
    }

    private Outcome scanForPlaintext(DemoNetwork network, Federation federation, DemoScenarios scenarios) {
        Set<String> topics = new LinkedHashSet<>();
        federation.members().forEach(member -> topics.addAll(Topics.of(member.id())));
        List<JsonObject> requests = scenarios.exchanges().stream().map(scenario -> parse(scenario.request().body())).toList();
        long started = System.nanoTime();
        PlaintextScan.Result result = PlaintextScan.scan(
                network.administrator(), topics,
                PlaintextScan.secretsOf(requests));
        return new Outcome("No payload is readable on the inbox and answers topics", "plain Kafka consumer -> " + topics,
                result.records() + " records read, " + (result.leaked().isEmpty() ? "no plaintext found"
                        : "PLAINTEXT FOUND: " + result.leaked()),
                (System.nanoTime() - started) / 1_000_000, result.records() > 0 && result.leaked().isEmpty(), "");
    }

    private void serveUntilStopped(DemoNetwork network, DemoScenarios scenarios, Path dataDirectory) throws InterruptedException {
        DemoScenarios.ExchangeScenario example = scenarios.exchanges().get(0);
        GatewayNode clientNode = network.node(example.client().member());
        out.println();
        out.println("Serving until Ctrl-C. Try:");
        out.println("  curl -i -X POST " + clientNode.baseUri() + "/r1/" + example.service() + " \\");
        if (clientNode.edgeCertificateFile() != null) {
            EdgeFiles files = EdgeFiles.in(clientNode.settings().dataDirectory(), example.client().member());
            out.println("       --cacert " + clientNode.edgeCertificateFile().toAbsolutePath() + " \\");
            out.println("       --cert " + files.clientCertificate(example.client()).toAbsolutePath() + " \\");
            out.println("       --key " + files.clientKey(example.client()).toAbsolutePath() + " \\");
        }
        out.println("       -H 'X-Road-Client: " + example.client() + "' -H 'Content-Type: application/json' \\");
        example.request().headers().forEach((name, value) -> out.println("       -H '" + name + ": " + value + "' \\"));
        out.println("       -d '" + new String(example.request().body(), StandardCharsets.UTF_8) + "'");
        DemoManagementUsers.create(dataDirectory, network.nodes().keySet()).print(out, network.nodes());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "spean-demo-stop"));
        stopped.await();
    }

    private static JsonObject parse(byte[] json) {
        return SpeanJson.readObject(new String(json, StandardCharsets.UTF_8));
    }

    /** The demo starts from nothing each time; it refuses to wipe a folder that is not a Spean data directory. */
    private static void recreate(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    boolean spean = entries.findAny().isEmpty() || Files.isDirectory(directory.resolve("federation"));
                    if (!spean) {
                        throw new IllegalArgumentException(directory + " is not a Spean data directory; not wiping it");
                    }
                }
                FolderTree.delete(directory);
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
