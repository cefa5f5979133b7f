package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port another process holds, or a host that is not this machine's, is refused with a coded error naming it, by each
 * command that listens: the node's HTTP edge and management port, the embedded broker and the demo's mock backends:
 * no stack trace, and nothing saying it is ready there.
 */
class TakenPortIT {

    @Test
    void a_node_on_a_taken_http_port_refuses_to_start(@TempDir Path data) throws Exception {
        assertEquals(0, SpeanCommand.execute("init", "--data", data.toString()));
        try (ServerSocket holder = heldPort()) {
            CommandRun run = CommandRun.of(NodeProcess.withBackendTls(data, "gateway", "--data", data.toString(),
                    "--member", "KH/GOV/MOI", "--http-port", String.valueOf(holder.getLocalPort()), "--kafka-bootstrap",
                    "127.0.0.1:9"));

            assertRefused(run, "spean: server.configuration_invalid: the node's HTTP edge cannot listen on 127.0.0.1:"
                    + holder.getLocalPort());
            assertFalse(run.errors().contains("node KH/GOV/MOI ready"), run.errors());
        }
    }

    @Test
    void a_node_on_a_taken_management_port_refuses_to_start(@TempDir Path data) throws Exception {
        assertEquals(0, SpeanCommand.execute("init", "--data", data.toString()));
        try (ServerSocket holder = heldPort()) {
            CommandRun run = CommandRun.of(NodeProcess.withBackendTls(data, "gateway", "--data", data.toString(),
                    "--member", "KH/GOV/MOI", "--http-port", "0", "--management-port",
                    String.valueOf(holder.getLocalPort()), "--kafka-bootstrap", "127.0.0.1:9"));

            assertRefused(run, "spean: server.configuration_invalid: the node's management port cannot listen on "
                    + "127.0.0.1:" + holder.getLocalPort());
            assertFalse(run.errors().contains("node KH/GOV/MOI ready"), run.errors());
        }
    }

    @Test
    void a_node_on_a_host_that_is_not_this_machines_refuses_to_start(@TempDir Path data) {
        assertEquals(0, SpeanCommand.execute("init", "--data", data.toString()));
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a machine's own address.
        CommandRun run = CommandRun.of(NodeProcess.withBackendTls(data, "gateway", "--data", data.toString(),
                "--member", "KH/GOV/MOI", "--http-host", "192.0.2.1", "--http-port", "0", "--kafka-bootstrap",
                "127.0.0.1:9"));

        assertRefused(run, "spean: server.configuration_invalid: the node's HTTP edge cannot listen on 192.0.2.1:0");
        assertFalse(run.errors().contains("node KH/GOV/MOI ready"), run.errors());
    }

    @Test
    void the_broker_on_a_taken_port_refuses_to_start(@TempDir Path data) throws Exception {
        try (ServerSocket holder = heldPort()) {
            CommandRun run = CommandRun.of("kafka", "--data", data.toString(), "--port",
                    String.valueOf(holder.getLocalPort()));

            assertRefused(run, "spean: server.configuration_invalid: the embedded Kafka broker cannot listen on 127.0.0.1:"
                    + holder.getLocalPort());
            assertFalse(run.output().contains("Kafka ready"), run.output());
        }
    }

    @Test
    void the_demo_refuses_a_taken_port_for_a_mock_backend(@TempDir Path data) throws Exception {
        try (ServerSocket holder = heldPort()) {
            // The first mock backend listens ten above the base port.
            CommandRun run = CommandRun.of("demo", "--data", data.resolve("demo").toString(), "--base-port",
                    String.valueOf(holder.getLocalPort() - 10));

            assertRefused(run, "cannot listen on 127.0.0.1:" + holder.getLocalPort());
            assertTrue(run.errors().contains("spean: server.configuration_invalid: the mock backend of "), run.errors());
        }
    }

    private static ServerSocket heldPort() throws Exception {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static void assertRefused(CommandRun run, String expected) {
        assertEquals(CodedFailureHandler.CODED_FAILURE, run.exit(), run.errors());
        assertTrue(run.errors().contains(expected), run.errors());
        assertFalse(run.errors().contains("\tat "), "no stack trace: " + run.errors());
    }
}
