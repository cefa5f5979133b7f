package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import kh.gov.spean.crypto.Digests;

/**
 * A payload of 10 MiB — a valuation report's PDF — passes end to end, signed, sealed, validated and logged, and reaches
 * the backend byte for byte; one byte more is refused with 413 before anything is signed.
 */
class LargePayloadIT {

    static final String SERVICE = "KH/GOV/MLMUPC/LAND-REGISTRY/fileValuationReport";
    static final String TAX = "KH/GOV/MEF/TAX-REGISTRY";
    static final int MAX_PDF_BASE64 = 10_485_000;


    @Test
    void a_ten_mebibyte_payload_reaches_the_backend_intact_and_one_byte_more_is_refused(@TempDir Path data) throws Exception {
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(60),
                settings -> settings.withEdge(settings.edge().withIdleTimeout(Duration.ofSeconds(90))),
                TestNetwork.MEF, TestNetwork.MLMUPC)) {
            byte[] report = report(MAX_PDF_BASE64);
            long started = System.nanoTime();
            HttpResponse<String> accepted = post(network, network.mef(), report);
            assertEquals(202, accepted.statusCode(), accepted.body());
            String id = accepted.headers().firstValue("X-Road-Id").orElseThrow();

            await().atMost(Duration.ofSeconds(60)).until(() -> network.backend("mlmupc-land-registry").getAllServeEvents()
                    .stream().anyMatch(event -> id.equals(event.getRequest().getHeader("X-Road-Id"))));
            ServeEvent delivered = network.backend("mlmupc-land-registry").getAllServeEvents().stream()
                    .filter(event -> id.equals(event.getRequest().getHeader("X-Road-Id"))).findFirst().orElseThrow();
            assertArrayEquals(Digests.sha256(report), Digests.sha256(delivered.getRequest().getBody()));
            System.out.printf("a %d-byte payload: accepted, sealed, relayed, opened, validated and delivered in %d ms%n",
                    report.length, (System.nanoTime() - started) / 1_000_000);

            byte[] tooLarge = new byte[NodeSettings.DEFAULT_MAX_MESSAGE_BYTES + 1];
            System.arraycopy(report, 0, tooLarge, 0, report.length);
            HttpResponse<String> refused = post(network, network.mef(), tooLarge);
            HttpEdgeRejectionIT.assertProblem(refused, 413, "client.payload_too_large");
        }
    }

    /** A valuation report whose PDF is base64 of {@code length} characters. */
    private static byte[] report(int length) {
        String head = "{\"titleNumber\":\"PP-0123-04567\",\"valuationRiel\":480000000,\"valuedOn\":\"2026-11-20\","
                + "\"reportPdfBase64\":\"JVBERi";
        StringBuilder json = new StringBuilder(head.length() + length + 2).append(head);
        for (int i = 6; i < length; i++) {
            json.append((char) ('A' + i % 26));
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private HttpResponse<String> post(TestNetwork network, GatewayNode node, byte[] body) throws Exception {
        return network.http(node, TAX).send(HttpRequest.newBuilder(URI.create(node.baseUri() + "/r1/" + SERVICE))
                .header("X-Road-Client", TAX).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
