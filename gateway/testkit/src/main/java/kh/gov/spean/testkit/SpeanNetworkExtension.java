package kh.gov.spean.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.connector.ExampleCheck;
import kh.gov.spean.cli.demo.DemoNetwork;
import kh.gov.spean.cli.demo.DemoScenarios;
import kh.gov.spean.cli.demo.ExampleRequest;
import kh.gov.spean.cli.demo.ExchangePlayer;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.files.FolderTree;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;

/**
 * The integrator's harness for a connector's own JUnit 5 tests: before the class, a fresh federation ({@code spean
 * init} into a temporary folder), an embedded Kafka broker, one node per member and every connector's WireMock
 * backend; after it, all stopped and deleted. In a few lines:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SpeanNetworkExtension spean = SpeanNetworkExtension.forRepository(Path.of("."));
 *
 * @Test
 * void every_example_holds() {
 *     assertEquals(List.of(), spean.failedExamples("mptc-web-blocklist"));
 * }
 * }</pre>
 */
public final class SpeanNetworkExtension implements BeforeAllCallback, AfterAllCallback {

    private final Path repository;
    private Path data;
    private DemoNetwork network;

    private SpeanNetworkExtension(Path repository) {
        this.repository = repository.toAbsolutePath();
    }

    /** A network built from a repository's {@code seeds/}, {@code schemas/} and {@code connectors/}. */
    public static SpeanNetworkExtension forRepository(Path repository) {
        return new SpeanNetworkExtension(repository);
    }

    /** A network built from the repository {@code spean} itself runs from ({@code -Dspean.home}, or a parent folder). */
    public static SpeanNetworkExtension forThisRepository() {
        return new SpeanNetworkExtension(SpeanHome.root());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("spean-testkit");
        new FederationInitializer(Clock.systemUTC()).initialize(repository.resolve("seeds").resolve("federation.json"),
                repository.resolve("schemas"), data);
        network = DemoNetwork.start(data, repository, 0);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (network != null) {
            network.close();
        }
        if (data != null) {
            FolderTree.delete(data);
        }
    }

    /** Calls a service as the client subsystem's ministry system would: at its own member's node, over TLS with its registered client certificate. */
    public ExchangePlayer.Answer call(String client, String service, String json) {
        return call(client, service, Map.of(), json);
    }

    /**
     * The same, with these headers too: e.g. {@code X-Spean-Purpose} and {@code X-Road-UserId}, which a personal-data
     * service requires.
     */
    public ExchangePlayer.Answer call(String client, String service, Map<String, String> headers, String json) {
        SubsystemId caller = SubsystemId.parse(client);
        return new ExchangePlayer(network::credential).call(network.node(caller.member()), caller, ServiceId.parse(service),
                new ExampleRequest("POST", "", null, headers, "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Plays every example exchange of {@code connectors/NAME/examples}; the verdicts of those that did not hold. */
    public List<ExampleCheck.Verdict> failedExamples(String connector) {
        ExampleCheck check = new ExampleCheck(network);
        List<ExampleCheck.Verdict> failed = new ArrayList<>();
        try (Stream<Path> files = Files.list(repository.resolve("connectors").resolve(connector).resolve("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                ExampleCheck.Verdict verdict = check.check(DemoScenarios.example(file));
                if (!verdict.passed()) {
                    failed.add(verdict);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the examples of " + connector, e);
        }
        return failed;
    }

    /** A connector's mock backend, to read its journal or add a stub (e.g. a failure) for one test. */
    public WireMockServer backend(String connector) {
        return network.backends().get(connector);
    }

    public DemoNetwork network() {
        return network;
    }
}
