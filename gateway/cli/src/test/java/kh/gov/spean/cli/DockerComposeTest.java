package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import picocli.CommandLine;

import kh.gov.spean.federation.FederationSeed;
import kh.gov.spean.json.SpeanJson;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it honest: every node's command is a valid
 * {@code spean gateway} command line, every member has a node, and every host, port and folder it names exists.
 */
class DockerComposeTest {

    static Path root;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        root = SpeanHome.root();
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void every_member_of_the_seed_has_a_node_running_the_gateway_command() throws Exception {
        FederationSeed seed = SpeanJson.fromBytes(Files.readAllBytes(root.resolve("seeds/federation.json")), FederationSeed.class);
        Set<String> served = new HashSet<>();
        for (List<String> gateway : gatewayCommands()) {
            served.add(option(gateway, "--member"));
        }
        Set<String> members = new HashSet<>();
        seed.members().forEach(member -> members.add(member.id()));
        assertEquals(members, served);
    }

    @Test
    void every_node_command_is_accepted_by_the_command_line() {
        for (List<String> gateway : gatewayCommands()) {
            CommandLine.ParseResult parsed = new CommandLine(new SpeanCommand()).parseArgs(gateway.toArray(String[]::new));
            assertEquals("gateway", parsed.subcommand().commandSpec().name());
            assertEquals("/data", option(gateway, "--data"), "nodes share the data volume spean-init writes");
            assertEquals("0.0.0.0", option(gateway, "--http-host"), "a node in a container must listen on all interfaces");
        }
    }

    @Test
    void nodes_reach_kafka_and_their_backends_by_service_name() {
        for (List<String> gateway : gatewayCommands()) {
            String bootstrap = option(gateway, "--kafka-bootstrap");
            assertTrue(services.containsKey(bootstrap.split(":")[0]), bootstrap);
            assertEquals("9092", bootstrap.split(":")[1]);
            for (int i = 0; i < gateway.size(); i++) {
                if (gateway.get(i).equals("--backend")) {
                    String[] backend = gateway.get(i + 1).split("=", 2);
                    assertTrue(Files.isRegularFile(root.resolve("connectors").resolve(backend[0]).resolve("connector.json")),
                            "no connector " + backend[0]);
                    assertTrue(services.containsKey(URI.create(backend[1]).getHost()), backend[1]);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void host_ports_are_unique_and_backends_mount_their_connectors_mappings() {
        Set<String> hostPorts = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            for (Object port : (List<Object>) service.getValue().getOrDefault("ports", List.of())) {
                assertTrue(hostPorts.add(port.toString().split(":")[0]), "host port used twice: " + port);
            }
            if (String.valueOf(service.getValue().get("image")).startsWith("wiremock/")) {
                for (Object volume : (List<Object>) service.getValue().get("volumes")) {
                    String folder = volume.toString().split(":")[0];
                    assertTrue(Files.isDirectory(root.resolve(folder).resolve("mappings")), volume.toString());
                }
            }
        }
    }

    @Test
    void the_init_service_runs_spean_init_into_the_shared_data_volume() {
        String command = String.valueOf(services.get("spean-init").get("command"));
        assertTrue(command.contains("spean.jar init --data /data"), command);
    }

    /** The arguments after the jar, for every service that runs {@code spean gateway}. */
    @SuppressWarnings("unchecked")
    static List<List<String>> gatewayCommands() {
        List<List<String>> commands = new ArrayList<>();
        for (Map<String, Object> service : services.values()) {
            if (service.get("command") instanceof List<?> command && command.contains("gateway")) {
                List<String> arguments = new ArrayList<>((List<String>) command);
                commands.add(arguments.subList(arguments.indexOf("gateway"), arguments.size()));
            }
        }
        assertTrue(commands.size() >= 2, "docker-compose.yml runs no gateway nodes");
        return commands;
    }

    static String option(List<String> command, String name) {
        int at = command.indexOf(name);
        assertTrue(at >= 0 && at + 1 < command.size(), "missing " + name + " in " + command);
        return command.get(at + 1);
    }
}
