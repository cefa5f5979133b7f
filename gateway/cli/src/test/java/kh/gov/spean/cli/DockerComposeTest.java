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
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;

/**
 * What a parse of docker-compose.yml can check, without a Docker engine (deploy/compose-test.sh runs it for real): every
 * node's command is a valid {@code spean gateway} command line, every member has a node that mounts its own keys and
 * none of the authority's and logs in to Kafka as itself, every host, port, folder and Dockerfile it names exists, and
 * the Kafka cluster is three brokers replicating three times that speak only TLS and authorize with ACLs.
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
        Set<String> served = new HashSet<>();
        for (List<String> gateway : gatewayCommands()) {
            served.add(option(gateway, "--member"));
        }
        assertEquals(seedMembers(), served);
    }

    @Test
    void every_node_command_is_accepted_by_the_command_line() {
        for (List<String> gateway : gatewayCommands()) {
            String[] arguments = gateway.toArray(String[]::new);
            CommandLine.ParseResult parsed = SpeanCommand.forArguments(arguments).parseArgs(arguments);
            assertEquals("gateway", parsed.subcommand().commandSpec().name());
            assertEquals("/data", option(gateway, "--data"), "a node's own volume is its member's folder under /data");
            assertEquals("0.0.0.0", option(gateway, "--http-host"), "a node in a container must listen on all interfaces");
        }
    }

    @Test
    void nodes_reach_every_broker_over_tls_and_their_backends_by_service_name() {
        for (List<String> gateway : gatewayCommands()) {
            for (String broker : option(gateway, "--kafka-bootstrap").split(",")) {
                assertTrue(brokers().containsKey(broker.split(":")[0]), broker);
                assertEquals("9092", broker.split(":")[1]);
            }
            assertEquals(brokers().keySet(), Set.of(option(gateway, "--kafka-bootstrap").replace(":9092", "").split(",")),
                    "every node knows every broker");
            assertEquals("/kafka-client/client.properties", option(gateway, "--kafka-config"),
                    "the client settings kafka-tls.sh makes");
            String folder = MemberId.parse(option(gateway, "--member")).folderName();
            assertEquals("/data/" + folder + "/kafka.password", option(gateway, "--kafka-password-file"),
                    "a node logs in to Kafka as its member, with the password in its own volume");
            for (int i = 0; i < gateway.size(); i++) {
                if (gateway.get(i).equals("--backend")) {
                    String[] backend = gateway.get(i + 1).split("=", 2);
                    assertTrue(Files.isRegularFile(root.resolve("connectors").resolve(backend[0]).resolve("connector.json")),
                            "no connector " + backend[0]);
                    URI backendUrl = URI.create(backend[1]);
                    assertEquals("https", backendUrl.getScheme(), "backends are called over TLS: " + backend[1]);
                    assertTrue(services.containsKey(backendUrl.getHost()), backend[1]);
                }
            }
        }
    }

    @Test
    void three_kraft_brokers_replicate_three_times_and_speak_only_tls() {
        Map<String, Map<String, Object>> brokers = brokers();
        assertEquals(3, brokers.size(), brokers.keySet().toString());
        Set<Object> nodeIds = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> broker : brokers.entrySet()) {
            Map<String, Object> environment = merged(broker.getValue().get("environment"));
            nodeIds.add(environment.get("KAFKA_NODE_ID"));
            assertEquals("3", String.valueOf(environment.get("KAFKA_DEFAULT_REPLICATION_FACTOR")));
            assertEquals("2", String.valueOf(environment.get("KAFKA_MIN_INSYNC_REPLICAS")));
            assertEquals("3", String.valueOf(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")));
            assertEquals("SASL_SSL:SASL_SSL,CONTROLLER:SSL", environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"),
                    "no plaintext listener");
            assertEquals("SASL_SSL://" + broker.getKey() + ":9092", environment.get("KAFKA_ADVERTISED_LISTENERS"));
            assertEquals("/tls/" + broker.getKey() + ".p12", environment.get("KAFKA_SSL_KEYSTORE_LOCATION"));
            assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", environment.get("KAFKA_AUTHORIZER_CLASS_NAME"));
            assertEquals("false", environment.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"));
            assertTrue(environment.keySet().stream().noneMatch(name -> name.contains("PASSWORD")),
                    "passwords come from the tls volume, never from this file: " + environment.keySet());
            assertEquals(3, String.valueOf(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(",").length);
        }
        assertEquals(3, nodeIds.size(), "distinct node ids");
        List<?> tlsCommand = (List<?>) services.get("kafka-tls").get("command");
        assertTrue(tlsCommand.containsAll(brokers.keySet()), "a certificate for every broker: " + tlsCommand);
    }

    @Test
    void the_operator_registers_every_members_kafka_login_with_the_acls() throws Exception {
        List<String> command = new ArrayList<>(stringList(services.get("kafka-setup").get("command")));
        String[] arguments = command.toArray(String[]::new);
        assertEquals("acls", SpeanCommand.forArguments(arguments).parseArgs(arguments).subcommand().subcommand()
                .commandSpec().name());
        assertTrue(command.contains("--apply"), command.toString());
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals("--member-password-file")) {
                registered.add(command.get(i + 1).split("=", 2)[0]);
            }
        }
        assertEquals(seedMembers(), registered);
    }

    @Test
    @SuppressWarnings("unchecked")
    void images_are_built_from_this_repository_by_dockerfiles_that_exist() throws Exception {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Map<String, Object> definition = merged(service.getValue());
            if (definition.get("build") instanceof Map<?, ?> build) {
                Path dockerfile = root.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile")));
                assertTrue(Files.isRegularFile(dockerfile), service.getKey() + ": no " + dockerfile);
                List<String> lines = Files.readAllLines(dockerfile);
                assertTrue(lines.contains("ARG BASE_IMAGE=eclipse-temurin:17-jre") && lines.contains("FROM ${BASE_IMAGE}"),
                        dockerfile + " builds on the base image named by BASE_IMAGE");
                for (String line : lines) {
                    if (line.startsWith("COPY ")) {
                        List<String> sources = List.of(line.split("\\s+")).subList(1, line.split("\\s+").length - 1);
                        for (String source : sources) {
                            assertTrue(source.startsWith("gateway/cli/target/") || Files.exists(root.resolve(source)),
                                    dockerfile + " copies " + source + ", which is not in the repository");
                        }
                    }
                }
            }
        }
        assertTrue(merged(services.get("moi-node")).containsKey("build"), "the nodes run the image built here");
    }

    /** The services that run a Kafka broker. */
    static Map<String, Map<String, Object>> brokers() {
        Map<String, Map<String, Object>> brokers = new java.util.TreeMap<>();
        services.forEach((name, definition) -> {
            if (String.valueOf(merged(definition).get("entrypoint")).contains("kafka-broker.sh")) {
                brokers.put(name, definition);
            }
        });
        return brokers;
    }

    /** A mapping with its YAML merge key ({@code <<: *anchor}) resolved, as docker compose reads it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merged(Object mapping) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        Map<String, Object> own = (Map<String, Object>) mapping;
        if (own.get("<<") instanceof Map<?, ?> base) {
            merged.putAll(merged(base));
        }
        own.forEach((key, value) -> {
            if (!key.equals("<<")) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @Test
    @SuppressWarnings("unchecked")
    void host_ports_are_unique_and_backends_mount_their_connectors_mappings() {
        Set<String> hostPorts = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            for (Object port : (List<Object>) service.getValue().getOrDefault("ports", List.of())) {
                assertTrue(hostPorts.add(port.toString().split(":")[0]), "host port used twice: " + port);
            }
            if (String.valueOf(merged(service.getValue()).get("entrypoint")).contains("mock-backend.sh")) {
                List<String> command = stringList(service.getValue().get("command"));
                assertTrue(Files.isDirectory(root.resolve("connectors").resolve(command.get(0)).resolve("wiremock/mappings")),
                        service.getKey() + " serves no connector's mappings: " + command);
                assertEquals(service.getKey(), command.get(1), "its certificate names the host nodes call");
                assertTrue(stringList(services.get("backend-tls").get("command")).contains(service.getKey()),
                        "backend-tls.sh makes no certificate for " + service.getKey());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_node_mounts_its_own_member_volume_and_the_public_federation_and_never_the_authority_keys() {
        Set<String> memberVolumes = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Object command = service.getValue().get("command");
            if (!(command instanceof List<?> arguments) || !arguments.contains("gateway")) {
                continue;
            }
            String folder = MemberId.parse(option((List<String>) arguments, "--member")).folderName();
            List<String> volumes = ((List<Object>) merged(service.getValue()).get("volumes")).stream().map(String::valueOf).toList();
            List<String> writable = volumes.stream().filter(volume -> !volume.endsWith(":ro")).toList();
            assertEquals(1, writable.size(), service.getKey() + " writes one volume only: " + volumes);
            assertTrue(writable.get(0).endsWith(":/data/" + folder), service.getKey() + ": " + writable);
            assertTrue(memberVolumes.add(writable.get(0).split(":")[0]), "a member volume shared: " + writable);
            assertTrue(volumes.contains("federation:/data/federation:ro"), service.getKey() + ": " + volumes);
            assertTrue(volumes.stream().noneMatch(volume -> volume.startsWith("authority:") || volume.startsWith("timestamping:")
                    || volume.contains("/data/authority")), service.getKey() + " mounts the authority's keys: " + volumes);
            assertTrue(option((List<String>) arguments, "--tsa-url").startsWith("http://timestamp-authority:"),
                    "a node timestamps over HTTP, without the TSA's key");
        }
        List<Object> tsaVolumes = (List<Object>) services.get("timestamp-authority").get("volumes");
        assertEquals(List.of("timestamping:/data/authority/timestamping:ro"), tsaVolumes, "the TSA holds its own key only");
    }

    @Test
    void the_init_service_runs_spean_init_into_every_members_volume() throws Exception {
        Map<String, Object> init = merged(services.get("spean-init"));
        assertEquals(List.of("bash", "/spean/bin/compose-init.sh"), init.get("entrypoint"));
        assertTrue(Files.readString(root.resolve("deploy/compose-init.sh")).contains("spean init --data"));
        List<String> volumes = stringList(init.get("volumes"));
        for (String member : seedMembers()) {
            assertTrue(volumes.stream().anyMatch(volume -> volume.endsWith(":/data/" + MemberId.parse(member).folderName())),
                    "spean-init fills no volume of " + member + ": " + volumes);
        }
    }

    static Set<String> seedMembers() throws Exception {
        FederationSeed seed = SpeanJson.fromBytes(Files.readAllBytes(root.resolve("seeds/federation.json")), FederationSeed.class);
        Set<String> members = new HashSet<>();
        seed.members().forEach(member -> members.add(member.id()));
        return members;
    }

    @SuppressWarnings("unchecked")
    static List<String> stringList(Object list) {
        return ((List<Object>) list).stream().map(String::valueOf).toList();
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
