package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.edge.EdgeFiles;

/**
 * {@code spean send} calls a running node as a ministry system would and shows the X-Road headers of the answer; with
 * the salt it returns, {@code spean audit open} proves later what was sent.
 */
class SendCommandIT {

    @Test
    void send_prints_the_answer_with_its_x_road_headers(@TempDir Path data) throws Exception {
        Path body = data.resolve("request.json");
        Files.writeString(body, "{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}");
        try (TestNetwork network = TestNetwork.start(data.resolve("federation"), Duration.ofSeconds(20))) {
            EdgeFiles edge = EdgeFiles.in(network.data(), TestNetwork.MEF);
            SubsystemId client = SubsystemId.parse(TestNetwork.BUSINESS_REGISTRY);
            CommandRun run = CommandRun.of("send", "--node", network.mef().baseUri().toString(),
                    "--cacert", network.mef().edgeCertificateFile().toString(),
                    "--cert", edge.clientCertificate(client).toString(), "--key", edge.clientKey(client).toString(),
                    "--client", TestNetwork.BUSINESS_REGISTRY, "--service", TestNetwork.VERIFY_CITIZEN,
                    "--purpose", "BUSINESS_REGISTRATION", "--user-id", TestNetwork.OFFICIAL, "--body", body.toString());
            String output = run.output();
            int exit = run.exit();
            assertEquals(0, exit, output);
            assertTrue(output.startsWith("HTTP 200"), output);
            assertTrue(output.toLowerCase().contains("x-road-request-hash: "), output);
            String answer = output.lines().filter(line -> !line.isBlank()).reduce((first, second) -> second).orElseThrow();
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(answer))) {
                assertEquals("match", reader.readObject().getString("result"), output);
            }

            // The ministry kept its request and the salt its node returned: the commitment in the log opens with them.
            String id = header(output, "x-road-id");
            String salt = header(output, "x-spean-request-salt");
            String log = network.data().resolve("KH.GOV.MEF").resolve("log").toString();
            assertEquals(0, SpeanCommand.execute("audit", "open", "--log", log, "--envelope", id,
                    "--payload", body.toString(), "--salt", salt));
            Path altered = data.resolve("altered.json");
            Files.writeString(altered, Files.readString(body).replace("1990", "1991"));
            assertEquals(1, SpeanCommand.execute("audit", "open", "--log", log, "--envelope", id,
                    "--payload", altered.toString(), "--salt", salt));
        }
    }

    static String header(String output, String name) {
        return output.lines().filter(line -> line.toLowerCase().startsWith(name + ": ")).findFirst()
                .map(line -> line.substring(name.length() + 2).trim())
                .orElseThrow(() -> new AssertionError("no " + name + " in " + output));
    }
}
