package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** A node that cannot start says so with a code and lets go of what it had opened: the next start on its data serves. */
class NodeStartRefusalIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void a_node_whose_http_port_is_taken_refuses_with_a_code_and_the_next_start_serves(@TempDir Path data)
            throws Exception {
        try (TestNetwork network = TestNetwork.start(data, TIMEOUT)) {
            ConnectorExample match = ConnectorExample.read("moi-id-registry", "match");
            network.stop(TestNetwork.MOI);
            int takenPort = network.mef().baseUri().getPort();
            NodeSettings onTakenPort = TestNetwork.settings(TestNetwork.MOI, data, TestNetwork.repositoryRoot(), TIMEOUT,
                    Map.of("moi-id-registry", TestNetwork.baseUrl(network.backend()))).withHttpPort(takenPort);
            long logWritersBefore = messageLogWriters();

            SpeanException refused = assertThrows(SpeanException.class,
                    () -> GatewayNode.start(onTakenPort, Clock.systemUTC()));

            assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
            assertTrue(refused.getMessage().contains("127.0.0.1:" + takenPort), refused.getMessage());
            assertEquals(logWritersBefore, messageLogWriters(), "the refused start closed the message log it opened");
            network.restart(TestNetwork.MOI);
            HttpResponse<String> answer = network.call(network.mef(), match.client(), match.service(), match.request());
            assertEquals(200, answer.statusCode(), answer.body());
        }
    }

    private static long messageLogWriters() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("spean-message-log") && thread.isAlive()).count();
    }
}
