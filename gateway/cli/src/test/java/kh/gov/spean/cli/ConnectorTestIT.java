package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrator's kit: a connector's examples through real nodes, Kafka and WireMock, with a reason per failure. */
class ConnectorTestIT {

    @Test
    void a_connector_whose_examples_hold_passes_and_a_wrong_expectation_is_explained(@TempDir Path work) throws Exception {
        assertEquals(0, SpeanCommand.execute("connector", "test", SpeanHome.connectors().resolve("moi-id-registry").toString()));

        Path connector = work.resolve("moi-id-registry");
        Files.createDirectories(connector.resolve("examples"));
        Path source = SpeanHome.connectors().resolve("moi-id-registry").resolve("examples").resolve("match.json");
        Files.writeString(connector.resolve("examples").resolve("match-expected-deceased.json"),
                Files.readString(source).replace("\"result\": \"match\"", "\"result\": \"deceased\""));

        CommandRun run = CommandRun.of("connector", "test", connector.toString());
        String output = run.output();
        int exit = run.exit();
        assertEquals(1, exit, output);
        assertTrue(output.contains("FAIL   match-expected-deceased"), output);
        assertTrue(output.contains("result: expected \"deceased\", got \"match\""), output);
        assertTrue(output.contains("0 of 1 examples passed."), output);
        assertTrue(output.contains("its examples are played against the repository's connector moi-id-registry"),
                output);
    }
}
