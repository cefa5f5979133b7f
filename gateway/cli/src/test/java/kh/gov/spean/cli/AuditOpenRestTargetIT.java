package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.node.TestNetwork;

/**
 * {@code spean audit open --target}: the path and query of an X-Road REST request, which neither Kafka nor the log
 * holds in clear, open the commitment the signed header carries (decision 0046); an altered path does not.
 */
class AuditOpenRestTargetIT {

    private static final String CLIENT = "KH/GOV/MEF/TAX-REGISTRY";
    private static final String TARGET = "/titles/PP-0123-04567?fields=parcel";

    @Test
    void the_kept_path_and_query_open_the_target_commitment_and_an_altered_path_is_refused(@TempDir Path data)
            throws Exception {
        try (TestNetwork network = TestNetwork.start(data.resolve("federation"), Duration.ofSeconds(20),
                UnaryOperator.identity(), TestNetwork.MEF, TestNetwork.MLMUPC)) {
            HttpResponse<String> answer = network.http(network.mef(), CLIENT).send(HttpRequest.newBuilder(URI.create(
                            network.mef().baseUri() + "/r1/KH/GOV/MLMUPC/LAND-REGISTRY/landTitles" + TARGET))
                    .header("X-Road-Client", CLIENT).header("X-Spean-Purpose", "TAX_ASSESSMENT")
                    .header("X-Road-UserId", TestNetwork.OFFICIAL).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            String id = answer.headers().firstValue("X-Road-Id").orElseThrow();
            String salt = answer.headers().firstValue("X-Spean-Request-Salt").orElseThrow();
            String log = network.data().resolve("KH.GOV.MEF").resolve("log").toString();
            Path noBody = Files.writeString(data.resolve("no-body"), "");

            CommandRun kept = CommandRun.of("audit", "open", "--log", log, "--envelope", id, "--payload", noBody.toString(),
                    "--salt", salt, "--target", TARGET);
            assertEquals(0, kept.exit(), kept.output());
            assertTrue(kept.output().contains("OPENS   the request target is exactly GET " + TARGET), kept.output());
            assertTrue(kept.output().contains("declared in the signed header: official " + TestNetwork.OFFICIAL
                    + ", purpose TAX_ASSESSMENT, issue (none)"), kept.output());

            CommandRun altered = CommandRun.of("audit", "open", "--log", log, "--envelope", id,
                    "--payload", noBody.toString(), "--salt", salt, "--target", TARGET.replace("04567", "04568"));
            assertEquals(1, altered.exit(), altered.output());
            assertTrue(altered.output().contains("DIFFERS the request target /titles/PP-0123-04568?fields=parcel"),
                    altered.output());

            CommandRun unchecked = CommandRun.of("audit", "open", "--log", log, "--envelope", id,
                    "--payload", noBody.toString(), "--salt", salt);
            assertEquals(0, unchecked.exit(), unchecked.output());
            assertTrue(unchecked.output().contains("also commits to the GET request's path and query: not checked"
                    + " (give --target)"), unchecked.output());
        }
    }
}
