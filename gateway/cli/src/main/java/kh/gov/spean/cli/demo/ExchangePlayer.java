package kh.gov.spean.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.edge.TlsCredential;

/**
 * Plays calls at a node's HTTP edge as a ministry system would — over TLS, presenting the calling subsystem's
 * registered client certificate — and judges the answers.
 */
public final class ExchangePlayer {

    /** An HTTP answer: status, the X-Road headers that matter, all headers, the body as bytes. */
    public record Answer(int status, String xRoadId, String requestHash, String error, String location,
                         HttpHeaders headers, byte[] bytes, long millis) {

        /** The body as UTF-8 text. */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final java.util.function.Function<SubsystemId, TlsCredential> credentials;
    private final Map<String, HttpClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code credentials} gives each subsystem's registered client credential (null for none). */
    public ExchangePlayer(java.util.function.Function<SubsystemId, TlsCredential> credentials) {
        this.credentials = credentials;
    }

    /** Makes {@code request} as {@code client}, presenting its own certificate. */
    public Answer call(GatewayNode node, SubsystemId client, ServiceId service, ExampleRequest request) {
        return call(node, credentials.apply(client), client, service, request);
    }

    /** Makes {@code request} presenting {@code presented} (none if null) and naming {@code client}: how an impostor would. */
    public Answer call(GatewayNode node, TlsCredential presented, SubsystemId client, ServiceId service,
                       ExampleRequest request) {
        java.security.cert.X509Certificate edge = node.edgeCertificate();
        String key = (edge == null ? "plain" : kh.gov.spean.federation.Federation.fingerprint(edge)) + " "
                + (presented == null ? "-" : presented.fingerprint());
        return call(node.baseUri(), clients.computeIfAbsent(key, ignored -> DevelopmentClients.httpClient(presented, edge)),
                client, service, request);
    }

    private static Answer call(URI node, HttpClient http, SubsystemId client, ServiceId service, ExampleRequest call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve("/r1/" + service + call.target()))
                .timeout(Duration.ofSeconds(60))
                .method(call.method(), call.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(request::header);
        request.header("X-Road-Client", client.toString());
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Answer(response.statusCode(), header(response, "X-Road-Id"), header(response, "X-Road-Request-Hash"),
                    header(response, "X-Road-Error"), header(response, "Location"), response.headers(), response.body(),
                    millis);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach node " + node + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** True when every field of {@code expected} appears with the same value in the JSON {@code body}. */
    public static boolean contains(String body, JsonObject expected) {
        if (expected.isEmpty()) {
            return true;
        }
        JsonObject actual;
        try {
            actual = SpeanJson.readObject(body);
        } catch (RuntimeException notJson) {
            return false;
        }
        for (Map.Entry<String, JsonValue> field : expected.entrySet()) {
            if (!field.getValue().equals(actual.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
