package kh.gov.spean.cli.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jakarta.json.JsonException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.demo.DemoNetwork;
import kh.gov.spean.cli.demo.DemoScenarios;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.files.FolderTree;

/**
 * {@code spean connector test connectors/NAME}: plays the connector's example exchanges through real nodes, a real
 * Kafka broker and the WireMock backends, and prints a pass/fail table with a readable reason for each failure.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Play a connector's example exchanges through real nodes, Kafka and its WireMock backend.")
public final class ConnectorTestCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The connector folder, e.g. connectors/moi-id-registry.")
    Path connector;

    @Override
    public Integer call() throws Exception {
        List<Path> examples = examples(connector.resolve("examples"));
        Path folder = connector.toAbsolutePath().normalize();
        if (!folder.getParent().equals(SpeanHome.connectors().toAbsolutePath().normalize())) {
            // A folder of further examples for a connector of the repository: say what is played, and against what.
            String name = folder.getFileName().toString();
            if (!Files.isDirectory(SpeanHome.connectors().resolve(name))) {
                throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, connector + " is not under the repository's "
                        + SpeanHome.connectors() + ", nor named after a connector there: the test runs the repository's"
                        + " connectors and federation (spean connector new scaffolds one there)");
            }
            System.out.printf("%s is not under %s: its examples are played against the repository's connector %s;"
                    + " its own descriptor, routes and mappings are not used%n", connector, SpeanHome.connectors(), name);
        }
        // Every example read before a network starts for them: a broken one is said at once.
        List<DemoScenarios.ExchangeScenario> scenarios = examples.stream().map(ConnectorTestCommand::example).toList();
        Path data = Files.createTempDirectory("spean-connector-test");
        int failed = 0;
        try {
            new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
            try (DemoNetwork network = DemoNetwork.start(data, SpeanHome.root(), 0)) {
                ExampleCheck check = new ExampleCheck(network);
                System.out.printf("%nConnector %s: %d example exchange(s) through real nodes and Kafka%n%n", connector, examples.size());
                System.out.printf("%-6s %-28s %7s  %s%n", "", "example", "ms", "outcome");
                for (DemoScenarios.ExchangeScenario scenario : scenarios) {
                    ExampleCheck.Verdict verdict = check.check(scenario);
                    failed += verdict.passed() ? 0 : 1;
                    System.out.printf("%-6s %-28s %7d  %s%n", verdict.passed() ? "PASS" : "FAIL", verdict.name(),
                            verdict.millis(), verdict.passed() ? "HTTP " + verdict.status() + " as expected" : verdict.reason());
                }
            }
        } finally {
            FolderTree.delete(data);
        }
        System.out.printf("%n%d of %d examples passed.%n", examples.size() - failed, examples.size());
        return failed == 0 ? 0 : 1;
    }

    private static DemoScenarios.ExchangeScenario example(Path file) {
        try {
            return DemoScenarios.example(file);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                 | UncheckedIOException e) {
            // JSON-P says a missing member with a NullPointerException and a wrong type with a ClassCastException.
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the example " + file + " is not an example"
                    + " (a JSON object with client, service and expect: docs/connector-examples.md): "
                    + (e instanceof NullPointerException ? "a member is missing" : e.getMessage()));
        }
    }

    private static List<Path> examples(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no examples folder in " + folder.toAbsolutePath().getParent());
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> examples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            if (examples.isEmpty()) {
                throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no example exchanges in " + folder);
            }
            return examples;
        }
    }
}
