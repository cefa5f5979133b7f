package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kh.gov.spean.federation.FederationInitializer;

/**
 * A mistyped path, a missing file, a node that is not there or an option out of its range: one line saying what and
 * where, exit 2, no stack trace.
 */
class CommandInputFailureTest {

    private static final String CLIENT = "KH/GOV/MEF/BUSINESS-REGISTRY";
    private static final String SERVICE = "KH/GOV/MOI/ID-REGISTRY/verifyCitizen";

    @Test
    void send_names_a_body_file_that_is_not_there(@TempDir Path work) {
        Path missing = work.resolve("request.json");

        assertRefused(CommandRun.of("send", "--node", "http://127.0.0.1:9", "--client", CLIENT, "--service", SERVICE,
                "--body", missing.toString()), "spean: no such file or folder: " + missing);
    }

    @Test
    void send_names_the_node_that_does_not_answer(@TempDir Path work) throws Exception {
        Path body = Files.writeString(work.resolve("request.json"), "{\"nationalId\":\"010203040\"}");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String node = "http://127.0.0.1:" + closedPort;

        assertRefused(CommandRun.of("send", "--node", node, "--client", CLIENT, "--service", SERVICE,
                "--body", body.toString()), "spean: no answer from the node at " + node + " (");
    }

    @Test
    void an_audit_of_a_log_folder_that_is_not_there_names_its_entries_file(@TempDir Path work) {
        Path log = work.resolve("KH.GOV.MOI").resolve("log");

        assertRefused(CommandRun.of("audit", "prove", "--log", log.toString(), "--envelope", "abc"),
                "spean: no such file or folder: " + log.resolve("entries.jsonl"));
    }

    @Test
    void an_audit_of_a_log_whose_data_directory_holds_no_ca_names_where_it_looked(@TempDir Path work) throws Exception {
        Path log = Files.createDirectories(work.resolve("KH.GOV.MOI").resolve("log"));
        Files.writeString(log.resolve("origin"), "spean.gov.kh/KH/GOV/MOI/node-1\n");

        assertRefused(CommandRun.of("audit", "verify", "--log", log.toString()),
                "spean: server.configuration_invalid: cannot read the federation CA at "
                        + work.resolve("federation").resolve("ca.pem"));
    }

    @Test
    void a_report_check_without_the_federation_ca_or_of_a_folder_without_a_report_is_refused(@TempDir Path work)
            throws Exception {
        Path folder = Files.createDirectories(work.resolve("report"));
        Path ca = Files.writeString(work.resolve("ca.pem"), "not a certificate");

        assertRefused(CommandRun.of("audit", "verify", "--report", folder.toString()),
                "spean: server.configuration_invalid: checking " + folder + " needs the federation root CA");
        assertRefused(CommandRun.of("audit", "verify", "--report", folder.toString(), "--ca", ca.toString()),
                "spean: server.configuration_invalid: cannot read the federation CA at " + ca);
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), work.resolve("data"));
        String realCa = work.resolve("data").resolve("federation").resolve("ca.pem").toString();
        assertRefused(CommandRun.of("audit", "verify", "--report", folder.toString(), "--ca", realCa),
                "spean: no such file or folder: " + folder.resolve("report.json"));
        Files.writeString(folder.resolve("report.json"), "{\"lines\": [");
        assertRefused(CommandRun.of("audit", "verify", "--report", folder.toString(), "--ca", realCa),
                "is not a report");
    }

    @Test
    void an_audit_of_a_folder_that_is_no_log_is_refused_not_called_broken(@TempDir Path work) throws Exception {
        Path missing = work.resolve("KH.GOV.MOI").resolve("lgo");
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path file = Files.writeString(work.resolve("entries.jsonl"), "");

        CommandRun typo = CommandRun.of("audit", "verify", "--log", missing.toString());
        assertRefused(typo, "spean: no such file or folder: " + missing);
        assertFalse(typo.output().contains("BROKEN"), typo.output());
        assertRefused(CommandRun.of("audit", "verify", "--log", empty.toString()),
                "spean: server.configuration_invalid: " + empty + " holds no message log");
        assertRefused(CommandRun.of("audit", "verify", "--log", file.toString()), "spean: not a folder: " + file);
    }

    @Test
    void a_schema_check_against_a_folder_without_schemas_is_refused_not_passed(@TempDir Path work) throws Exception {
        Path empty = Files.createDirectories(work.resolve("baseline"));

        CommandRun run = CommandRun.of("schema", "check", "--baseline", empty.toString());

        assertRefused(run, "spean: " + empty + ": holds no schema");
        assertFalse(run.output().contains("OK"), "nothing is passed as new: " + run.output());
    }

    @Test
    void a_new_connector_in_a_repository_without_a_federation_seed_names_the_file(@TempDir Path work) {
        assertRefused(CommandRun.of("connector", "new", "--member", "KH/GOV/MOI", "--subsystem", "ID-REGISTRY",
                "--service", "lookUp", "--repository", work.toString()),
                "spean: cannot read the federation seed " + work.resolve("seeds").resolve("federation.json"));
    }

    @Test
    void init_into_a_path_under_a_file_names_it(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("not-a-folder"), "");

        assertRefused(CommandRun.of("init", "--data", file.resolve("data").toString()), "spean: " + file);
    }

    @Test
    void a_node_on_a_data_directory_without_a_federation_refuses_before_starting_a_broker_in_it(@TempDir Path work) {
        Path data = work.resolve("data");

        assertRefused(CommandRun.of("gateway", "--data", data.toString(), "--member", "KH/GOV/MOI"),
                "spean: server.configuration_invalid: setting 'data' must be a directory made by 'spean init': " + data);
        assertFalse(Files.exists(data.resolve("kafka")), "no broker was started in it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bench --seconds 0            | setting 'seconds' must be positive, was 0",
        "bench --warmup -5            | setting 'warmup' must be 0 or more, was -5",
        "bench --clients 0            | setting 'clients' must be positive, was 0",
        "send --node localhost:8081 --client A --service B --body b.json | setting 'node' must be the node's http:// or https:// address",
        "audit open --log l --envelope e --payload p --salt 5b0e | setting 'salt' must be 64 hex digits",
        "kafka --data k --port 0      | the embedded Kafka broker needs a port of its own, not 0",
        "kafka --data k --port 70000  | the embedded Kafka broker cannot listen on 127.0.0.1:70000 (a port is 0..65535)",
        "send --node http://127.0.0.1:99999 --client A --service B --body b.json | setting 'node' names port 99999 (a port is 0..65535)",
        "audit bench --entries -5     | setting 'entries' must be positive, was -5",
        "audit bench --threads 0      | setting 'threads' must be positive, was 0",
        "audit verify                 | setting 'log' or --report: give one of them",
        "audit verify --log l --report r | setting 'log' or --report: give one of them",
        "dpo report --subject 12345 --out r --data d --node https://127.0.0.1:1 --official o | setting 'subject' must be a national ID card number: 9 digits",
        "dpo report --subject 010203040 --out r --data d --node http://127.0.0.1:1 --official o | setting 'node' must be the office node's https:// address, was http://127.0.0.1:1"})
    void an_option_out_of_its_range_is_refused_as_a_bad_setting(String arguments, String expected) {
        assertRefused(CommandRun.of(arguments.trim().split(" +")), "spean: server.configuration_invalid: " + expected);
    }

    @Test
    void a_connector_test_of_a_folder_that_names_no_connector_of_the_repository_is_refused(@TempDir Path work)
            throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("moh-vaccines").resolve("examples"));
        Files.writeString(elsewhere.resolve("first.json"), "{}");

        assertRefused(CommandRun.of("connector", "test", elsewhere.getParent().toString()),
                "spean: server.configuration_invalid: " + elsewhere.getParent() + " is not under the repository's");
    }

    @ParameterizedTest(name = "{0} --{1} \"\"")
    @CsvSource({"init, data", "kafka, data", "audit verify, log", "connector new, repository"})
    void an_empty_path_is_a_usage_error_not_the_working_folder(String command, String option) {
        List<String> arguments = new ArrayList<>(List.of(command.split(" ")));
        arguments.addAll(List.of("--" + option, ""));

        CommandRun run = CommandRun.of(arguments.toArray(String[]::new));

        assertEquals(2, run.exit(), run.errors());
        assertTrue(run.errors().contains("Invalid value for option '--" + option + "'")
                && run.errors().contains("an empty path names no file or folder"), run.errors());
    }

    @Test
    void an_export_into_a_folder_that_holds_files_is_refused(@TempDir Path work) throws Exception {
        Path out = Files.createDirectories(work.resolve("evidence"));
        Files.writeString(out.resolve("notes.txt"), "an auditor's own notes");

        assertRefused(CommandRun.of("audit", "export", "--log", work.resolve("log").toString(), "--out", out.toString()),
                "spean: " + out + ": is not an empty folder: export into a new one");
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(out.resolve("notes.txt")), left.toList(), "nothing added to it");
        }
    }

    @Test
    void a_redrive_of_an_id_that_is_no_envelope_id_is_refused_before_kafka_is_asked() {
        assertRefused(CommandRun.of("dlq", "redrive", "not-a-uuid", "--member", "KH/GOV/MOI",
                "--kafka-bootstrap", "127.0.0.1:9"), "spean: invalid envelope id 'not-a-uuid': expected a UUID");
    }

    @Test
    void a_new_connector_in_a_repository_whose_seed_is_broken_says_so_and_writes_nothing(@TempDir Path work)
            throws Exception {
        Files.createDirectories(work.resolve("connectors"));
        Files.createDirectories(work.resolve("schemas"));
        Path seed = Files.writeString(Files.createDirectories(work.resolve("seeds")).resolve("federation.json"),
                "{\"instance\": \"KH\", \"validityDays\": 30, \"members\": [{\"id\": \"KH/GOV/MOI\", "
                        + "\"subsystems\": [\"ID-REGISTRY\"]}], \"accessRights\": []}");

        assertRefused(CommandRun.of("connector", "new", "--member", "KH/GOV/MOI", "--subsystem", "ID-REGISTRY",
                "--service", "lookUp", "--repository", work.toString()),
                "spean: server.configuration_invalid: the federation seed " + seed + ": it has no services list");
        try (Stream<Path> written = Files.list(work.resolve("connectors"))) {
            assertEquals(List.of(), written.toList());
        }
    }

    @Test
    void a_node_refuses_a_bad_setting_or_a_backend_for_no_connector_of_its_member_before_starting_a_broker(
            @TempDir Path work) {
        Path data = work.resolve("data");
        assertEquals(0, CommandRun.of("init", "--data", data.toString()).exit());

        assertRefused(CommandRun.of("gateway", "--data", data.toString(), "--member", "KH/GOV/MOI",
                "--checkpoint-interval-ms", "-1"), "spean: server.configuration_invalid: setting 'checkpoint");
        assertRefused(CommandRun.of("gateway", "--data", data.toString(), "--member", "KH/GOV/MOI",
                "--backend", "moi-id-regsitry=http://127.0.0.1:9"),
                "spean: server.configuration_invalid: setting 'backend' names moi-id-regsitry, not a connector of "
                        + "KH/GOV/MOI (its connectors: moi-anti-scam, moi-id-registry)");
        assertFalse(Files.exists(data.resolve("kafka")), "no broker was started in it");
    }

    @Test
    void init_will_not_replace_a_federation_that_is_there(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        assertEquals(0, CommandRun.of("init", "--data", data.toString()).exit());
        byte[] ca = Files.readAllBytes(data.resolve("federation").resolve("ca.pem"));

        assertRefused(CommandRun.of("init", "--data", data.toString()),
                "spean: server.configuration_invalid: " + data + " already holds a federation");
        assertArrayEquals(ca, Files.readAllBytes(data.resolve("federation").resolve("ca.pem")), "the CA is the same");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an empty file               |                                           | is not a seed's JSON",
        "no members                  | {}                                        | it lists no members",
        "a malformed member          | \"KH/GOV/MOI\"=>\"KH//MOI\"               | invalid member class: ''",
        "a member listed twice       | \"KH/GOV/MEF\"=>\"KH/GOV/MOI\"           | member KH/GOV/MOI is listed twice",
        "a configuration that lives -5 days | \"validityDays\": 30=>\"validityDays\": -5 | validityDays must be 1..3650, was -5",
        "a schema that is not there  | \"moi.verifyCitizen.request/v1\"=>\"moi.nothing/v1\" | the seed names schema moi.nothing/v1",
        "a description that is not there | \"moi.verifyCitizen.openapi/v1\"=>\"moi.nothing.openapi/v1\" | the seed names schema moi.nothing.openapi/v1",
        "a schema named as a description | \"moi.verifyCitizen.openapi/v1\"=>\"moi.verifyCitizen.request/v1\" | names moi.verifyCitizen.request/v1 as its OpenAPI description"})
    void init_refuses_a_bad_seed_before_it_writes_anything(String what, String edit, String expected,
                                                           @TempDir Path work) throws Exception {
        String seed = Files.readString(SpeanHome.seed());
        if (edit == null) {
            seed = "";
        } else if (!edit.contains("=>")) {
            seed = edit;
        } else {
            String[] change = edit.split("=>");
            assertTrue(seed.contains(change[0]), "the repository's seed holds " + change[0]);
            seed = seed.replaceFirst(Pattern.quote(change[0]), Matcher.quoteReplacement(change[1]));
        }
        Path seedFile = Files.writeString(work.resolve("seed.json"), seed);
        Path data = work.resolve("data");

        CommandRun run = CommandRun.of("init", "--data", data.toString(), "--seed", seedFile.toString());

        assertRefused(run, "spean: server.configuration_invalid: the federation seed " + seedFile);
        assertTrue(run.errors().contains(expected), "expected '" + expected + "' in: " + run.errors());
        assertFalse(Files.exists(data), "nothing written: " + data);
    }

    @Test
    void send_says_what_is_wrong_with_a_service_or_a_body_before_it_calls(@TempDir Path work) throws Exception {
        Path folder = Files.createDirectories(work.resolve("request.json"));

        assertRefused(CommandRun.of("send", "--node", "http://127.0.0.1:9", "--client", CLIENT, "--service",
                "KH/GOV/MOI/ID-REGISTRY/verify Citizen", "--body", folder.toString()),
                "spean: invalid service code: 'verify Citizen'");
        assertRefused(CommandRun.of("send", "--node", "http://127.0.0.1:9", "--client", CLIENT, "--service", SERVICE,
                "--body", folder.toString()), "spean: " + folder + ": a folder, not a file");
    }

    @Test
    void a_schema_check_of_a_folder_without_schemas_is_refused_not_called_incompatible(@TempDir Path work)
            throws Exception {
        Path missing = work.resolve("schemaz");

        CommandRun run = CommandRun.of("schema", "check", "--baseline", SpeanHome.schemas().toString(),
                "--schemas", missing.toString());

        assertRefused(run, "spean: " + missing + ": holds no schema");
        assertFalse(run.output().contains("INCOMPATIBLE"), run.output());
    }

    private static void assertRefused(CommandRun run, String expected) {
        assertEquals(CodedFailureHandler.CODED_FAILURE, run.exit(), run.errors());
        assertTrue(run.errors().contains(expected), "expected '" + expected + "' in: " + run.errors());
        assertFalse(run.errors().contains("\tat "), "no stack trace: " + run.errors());
    }
}
