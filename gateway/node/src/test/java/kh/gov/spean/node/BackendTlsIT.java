package kh.gov.spean.node;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;

/**
 * The node calls its backends over TLS only, trusting the backend CA it is given and nothing else: a backend with
 * another CA's certificate, or one that does not accept the node's client certificate, gets nothing and the caller
 * gets a coded error, recorded in the provider's message log. A backend that accepts the node is called over one kept
 * connection, not a handshake per call.
 */
class BackendTlsIT {

    private static final String ID_REGISTRY = "moi-id-registry";

    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

    @Test
    void the_node_keeps_its_tls_connection_to_a_backend_from_one_call_to_the_next() throws Exception {
        WireMockServer registry = answering(TestNetwork.https(WireMockConfiguration.options().bindAddress("127.0.0.1"),
                TestNetwork.backendTls(data)));
        try (ConnectionCountingForwarder forwarder = new ConnectionCountingForwarder(registry.httpsPort());
             TestNetwork network = startPointingInteriorAt("https://127.0.0.1:" + forwarder.port())) {
            for (int call = 1; call <= 3; call++) {
                HttpResponse<String> response = verifyCitizen(network);
                assertEquals(200, response.statusCode(), "call " + call + ": " + response.body());
            }

            assertEquals(3, registry.getAllServeEvents().size());
            assertEquals(1, forwarder.connections(), "TLS connections the backend accepted for three calls, one after another");
        } finally {
            registry.stop();
        }
    }

    @Test
    void a_backend_whose_certificate_is_from_another_ca_is_refused_in_the_handshake_and_sent_nothing() throws Exception {
        DevelopmentBackendTls foreign = DevelopmentBackendTls.create(elsewhere.resolve("foreign"), "Foreign CA");
        WireMockServer impostor = answering(TestNetwork.https(WireMockConfiguration.options().bindAddress("127.0.0.1"),
                foreign));
        try (TestNetwork network = startPointingInteriorAt(TestNetwork.baseUrl(impostor))) {
            HttpResponse<String> response = verifyCitizen(network);

            assertEquals(502, response.statusCode(), response.body());
            assertEquals(ErrorCode.BACKEND_UNTRUSTED.code(), response.headers().firstValue("X-Road-Error").orElse(null));
            assertEquals(0, impostor.getAllServeEvents().size(), "the impostor received a request");
            assertTrue(rejections(network.moi()).contains(ErrorCode.BACKEND_UNTRUSTED.code()), "no rejection logged");
        } finally {
            impostor.stop();
        }
    }

    @Test
    void a_backend_that_does_not_accept_the_nodes_client_certificate_is_a_coded_error_and_gets_nothing() throws Exception {
        DevelopmentBackendTls ours = TestNetwork.backendTls(data);
        DevelopmentBackendTls foreign = DevelopmentBackendTls.create(elsewhere.resolve("foreign"), "Foreign CA");
        // Our server certificate, so the node trusts it; but it accepts client certificates of another CA only.
        WireMockServer picky = answering(TestNetwork.https(WireMockConfiguration.options().bindAddress("127.0.0.1"), ours)
                .trustStorePath(foreign.truststore().toString()).trustStorePassword(foreign.password()));
        try (TestNetwork network = startPointingInteriorAt(TestNetwork.baseUrl(picky))) {
            HttpResponse<String> response = verifyCitizen(network);

            assertEquals(502, response.statusCode(), response.body());
            assertEquals(ErrorCode.BACKEND_TLS_REFUSED.code(), response.headers().firstValue("X-Road-Error").orElse(null));
            assertEquals(0, picky.getAllServeEvents().size(), "the backend took a request");
            assertTrue(rejections(network.moi()).contains(ErrorCode.BACKEND_TLS_REFUSED.code()), "no rejection logged");
        } finally {
            picky.stop();
        }
    }

    @Test
    void a_node_without_a_client_certificate_is_refused_by_a_backend_that_demands_one() throws Exception {
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20), settings -> settings.member()
                .equals(TestNetwork.MOI) ? settings.withBackendTls(new BackendTls(
                settings.backendTls().caCertificates(), null, null, false)) : settings, TestNetwork.MOI, TestNetwork.MEF)) {
            int before = network.backendHits();

            HttpResponse<String> response = verifyCitizen(network);

            assertEquals(ErrorCode.BACKEND_TLS_REFUSED.code(), response.headers().firstValue("X-Road-Error").orElse(null),
                    response.body());
            assertEquals(before, network.backendHits(), "the backend took a request");
        }
    }

    @Test
    void a_plain_http_backend_is_refused_at_start_unless_development_allows_it() throws Exception {
        WireMockServer plain = answering(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20))) {
            NodeSettings interior = network.moi().settings()
                    .withBackends(Map.of(ID_REGISTRY, "http://127.0.0.1:" + plain.port())).withHttpPort(0);
            network.stop(TestNetwork.MOI);

            SpeanException refused = assertThrows(SpeanException.class, () -> GatewayNode.start(interior, Clock.systemUTC()));
            assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
            assertTrue(refused.detail().contains("setting 'backend'") && refused.detail().contains("plain HTTP"),
                    refused.detail());

            try (GatewayNode development = GatewayNode.start(interior.withBackendTls(
                    interior.backendTls().withPlainHttpAllowed(true)), Clock.systemUTC())) {
                HttpResponse<String> response = network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY,
                        TestNetwork.VERIFY_CITIZEN, ConnectorExample.read(ID_REGISTRY, "match").request());
                assertEquals(200, response.statusCode(), response.body());
                assertEquals(1, plain.getAllServeEvents().size());
            }
        } finally {
            plain.stop();
        }
    }

    @Test
    void an_https_backend_without_a_backend_ca_is_refused_at_start() throws Exception {
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20), UnaryOperator.identity(),
                TestNetwork.MOI)) {
            NodeSettings interior = network.moi().settings();
            network.stop(TestNetwork.MOI);

            SpeanException refused = assertThrows(SpeanException.class, () -> GatewayNode.start(
                    interior.withBackendTls(BackendTls.NONE), Clock.systemUTC()));
            assertTrue(refused.detail().contains("setting 'backend-ca'"), refused.detail());
        }
    }

    private TestNetwork startPointingInteriorAt(String url) throws Exception {
        return TestNetwork.start(data, Duration.ofSeconds(20), settings -> {
            Map<String, String> backends = new HashMap<>(settings.backends());
            backends.put(ID_REGISTRY, url);
            return settings.withBackends(backends);
        }, TestNetwork.MOI, TestNetwork.MEF);
    }

    private static WireMockServer answering(WireMockConfiguration options) {
        WireMockServer server = new WireMockServer(options);
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson("{\"nationalId\":\"010203040\",\"result\":\"match\","
                + "\"matchedFields\":[\"nationalId\"],\"checkedAt\":\"2026-11-24T08:15:30Z\"}")));
        return server;
    }

    private static HttpResponse<String> verifyCitizen(TestNetwork network) throws Exception {
        ConnectorExample match = ConnectorExample.read(ID_REGISTRY, "match");
        return network.call(network.mef(), match.client(), match.service(), match.request());
    }

    /** The codes of the rejection entries in a node's message log. */
    private static List<String> rejections(GatewayNode node) throws Exception {
        List<String> codes = new ArrayList<>();
        LogReader.forEach(node.log().files(), stored -> {
            LogEntry entry = stored.entry();
            if (LogEntryKind.REJECTED.wireName().equals(entry.kind())) {
                codes.add(entry.result());
            }
        });
        return codes;
    }
}
