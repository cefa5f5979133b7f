package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through for a ministry joining, followed from scratch in a copy of the repository: scaffold the
 * connector, issue keys and certificates with the new federation configuration, and get a first exchange through
 * real nodes, Kafka and the new WireMock backend.
 */
class JoiningMinistryIT {

    @Test
    void a_new_ministry_follows_the_walk_through_and_its_first_exchange_goes_through(@TempDir Path work) throws Exception {
        try (RepositoryCopy copy = RepositoryCopy.in(work)) {
            Path repository = copy.root();
            // 1. Services, schemas, access rights and the connector, scaffolded.
            CommandRun scaffold = CommandRun.of("connector", "new", "--member", "KH/GOV/MOH",
                    "--subsystem", "HEALTH-REGISTRY", "--service", "getVaccinationRecord",
                    "--client", "KH/GOV/MEF/TAX-REGISTRY", "--name", "Ministry of Health", "--name-km", "ក្រសួងសុខាភិបាល");
            assertEquals(0, scaffold.exit(), scaffold.output() + scaffold.errors());
            Path connector = repository.resolve("connectors/moh-health-registry");
            assertTrue(Files.isRegularFile(connector.resolve("connector.json")));
            assertTrue(Files.isRegularFile(repository.resolve("schemas/moh.getVaccinationRecord.request/v1/schema.json")));
            assertTrue(Files.readString(repository.resolve("seeds/federation.json")).contains("KH/GOV/MOH/HEALTH-REGISTRY/getVaccinationRecord"));

            // 2. Keys, certificates and the signed federation configuration naming the new member.
            assertEquals(0, SpeanCommand.execute("init", "--data", work.resolve("data").toString()));
            assertTrue(Files.isRegularFile(work.resolve("data/KH.GOV.MOH/signing.p12")));

            // 3. The first exchange, through real nodes, Kafka and the new mock backend.
            CommandRun firstExchange = CommandRun.of("connector", "test", connector.toString());
            assertEquals(0, firstExchange.exit(), firstExchange.output());
            assertTrue(firstExchange.output().contains("PASS   first-exchange"), firstExchange.output());

            // The same scaffold twice is refused with a reason, and changes nothing.
            CommandRun again = CommandRun.of("connector", "new", "--member", "KH/GOV/MOH",
                    "--subsystem", "HEALTH-REGISTRY", "--service", "getVaccinationRecord");
            assertEquals(2, again.exit());
            assertTrue(again.errors().contains("exists already"), again.errors());
        }
    }
}
