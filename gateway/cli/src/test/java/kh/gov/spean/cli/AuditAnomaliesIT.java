package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.node.ManagementAccess;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.node.management.Role;
import kh.gov.spean.privacy.AnomalyThresholds;

/**
 * Unusual access per official, on real calls through real nodes: Interior's node, with a threshold of two distinct
 * citizens a day, counts one official's third citizen and another's access without an issue number in /metrics (by
 * kind and client member), marks the entries on the auditor's page, and {@code spean audit anomalies} lists them from
 * its log folder, as lines and as JSON.
 */
class AuditAnomaliesIT {

    static final String OFFICIAL = "MEF-OFFICER-0007";
    static final String OTHER_OFFICIAL = "MEF-OFFICER-0008";

    @Test
    void unusual_accesses_are_counted_marked_and_listed(@TempDir Path data) throws Exception {
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(30),
                settings -> settings.withAnomalyThresholds(new AnomalyThresholds(2, 20)), TestNetwork.MOI, TestNetwork.MEF)) {
            for (String citizen : List.of("010203040", "020304050", "010203040", "030405060")) {
                assertEquals(200, verifyCitizen(network, citizen, OFFICIAL, "CASE-2026-0042").statusCode());
            }
            assertEquals(200, verifyCitizen(network, "040506070", OTHER_OFFICIAL, null).statusCode());

            ManagementAccess management = ManagementAccess.to(network.moi());
            String metrics = management.get(Role.OPERATOR, "/metrics").body();
            assertEquals(1.0, counter(metrics, "subjects_per_day"), metrics);
            assertEquals(1.0, counter(metrics, "no_issue"), metrics);
            assertFalse(metrics.contains(OFFICIAL), "no official's user id in the metrics");

            JsonArray entries = Json.createReader(new StringReader(management.get(Role.AUDITOR,
                    "/audit/entries?outcome=delivered").body())).readObject().getJsonArray("entries");
            List<String> marked = entries.stream().map(JsonValue::asJsonObject).filter(entry -> entry.containsKey("anomalies"))
                    .flatMap(entry -> entry.getJsonArray("anomalies").stream()
                            .map(anomaly -> anomaly.asJsonObject().getString("kind"))).sorted().toList();
            assertEquals(List.of("no_issue", "subjects_per_day"), marked, entries.toString());

            Path log = data.resolve("KH.GOV.MOI").resolve("log");
            CommandRun listed = CommandRun.of("audit", "anomalies", "--log", log.toString(), "--anomaly-subjects-per-day", "2");
            assertEquals(0, listed.exit(), listed.errors());
            List<String> lines = listed.output().lines().toList();
            assertEquals(3, lines.size(), listed.output());
            assertTrue(lines.get(0).contains("subjects_per_day  KH/GOV/MEF " + OFFICIAL), lines.get(0));
            assertTrue(lines.get(1).contains("no_issue  KH/GOV/MEF " + OTHER_OFFICIAL), lines.get(1));
            assertEquals("2 unusual accesses in " + log, lines.get(2));

            CommandRun json = CommandRun.of("audit", "anomalies", "--log", log.toString(), "--json");
            JsonArray found = Json.createReader(new StringReader(json.output())).readArray();
            assertEquals(List.of("no_issue"), found.stream().map(anomaly -> anomaly.asJsonObject().getString("kind")).toList(),
                    "with the default threshold of 50 a day, only the access without an issue number");
            JsonObject noIssue = found.getJsonObject(0);
            assertEquals(OTHER_OFFICIAL, noIssue.getString("official"));
            assertEquals("KH/GOV/MOI/ID-REGISTRY/verifyCitizen", noIssue.getString("service"));

            CommandRun refused = CommandRun.of("audit", "anomalies", "--log", log.toString(), "--anomaly-subjects-per-day", "0");
            assertFalse(refused.exit() == 0);
            assertTrue(refused.errors().contains("server.configuration_invalid"), refused.errors());
        }
    }

    static HttpResponse<String> verifyCitizen(TestNetwork network, String nationalId, String official, String issue)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/"
                        + TestNetwork.VERIFY_CITIZEN))
                .timeout(Duration.ofSeconds(60)).header("X-Road-Client", TestNetwork.BUSINESS_REGISTRY)
                .header("Content-Type", "application/json").header("X-Road-UserId", official)
                .header("X-Spean-Purpose", "BUSINESS_REGISTRATION")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nationalId\":\"" + nationalId
                        + "\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}"));
        if (issue != null) {
            request.header("X-Road-Issue", issue);
        }
        return network.http(network.mef(), TestNetwork.BUSINESS_REGISTRY).send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double counter(String metrics, String kind) {
        Matcher line = Pattern.compile("(?m)^spean_access_anomalies_total\\{(?=[^}]*client=\"KH/GOV/MEF\")(?=[^}]*kind=\""
                + kind + "\")[^}]*} (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
