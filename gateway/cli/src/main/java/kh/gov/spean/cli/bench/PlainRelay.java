package kh.gov.spean.cli.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;

import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.node.BackendTls;
import kh.gov.spean.node.kafka.KafkaAdministrator;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.provider.BackendHttpComponents;

/**
 * The ceiling a secure exchange is measured against: the same path — HTTP in, Kafka to the provider's side, the same
 * backend, Kafka back, HTTP out — through the same Camel components and broker, with no signature, no encryption, no
 * validation and no log.
 */
final class PlainRelay implements AutoCloseable {

    private static final String REQUESTS = "spean.bench.plain.requests";
    private static final String REPLIES = "spean.bench.plain.replies";
    private static final long REPLY_TIMEOUT_SECONDS = 30;

    private final CamelContext camel;
    private final VertxPlatformHttpServer server;

    private PlainRelay(CamelContext camel, VertxPlatformHttpServer server) {
        this.camel = camel;
        this.server = server;
    }

    /** Starts the relay in front of {@code backend} (the full URL the provider's side posts to). */
    static PlainRelay start(String bootstrapServers, URI backend, DevelopmentBackendTls backendTls) throws Exception {
        KafkaSettings kafka = KafkaSettings.defaults(bootstrapServers, KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
        try (KafkaAdministrator administrator = new KafkaAdministrator(kafka)) {
            administrator.ensureTopics(List.of(REQUESTS, REPLIES), 4);
        }
        CamelContext camel = new DefaultCamelContext();
        // The same TLS as the node's backend calls, connections kept as the node keeps them: the comparison is of what
        // Spean adds, not of TLS.
        HttpComponent https = camel.getComponent("https", HttpComponent.class);
        https.setSslContextParameters(BackendHttpComponents.sslContextParameters(BackendTls.of(backendTls)));
        https.setConnectionStateDisabled(true);
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(0);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(configuration);
        camel.addService(server, true, true);
        Map<String, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/plain?httpMethodRestrict=POST").routeId("plain-ingress")
                        .process(exchange -> {
                            String id = UUID.randomUUID().toString();
                            CompletableFuture<byte[]> reply = new CompletableFuture<>();
                            waiting.put(id, reply);
                            exchange.setProperty("relayId", id);
                            exchange.setProperty("relayReply", reply);
                            byte[] body = exchange.getMessage().getBody(byte[].class);
                            exchange.getMessage().removeHeaders("*");
                            exchange.getMessage().setHeader(KafkaConstants.KEY, id.getBytes(StandardCharsets.UTF_8));
                            exchange.getMessage().setBody(body);
                        })
                        .to("kafka:" + REQUESTS + "?" + kafka.camelProducerOptions())
                        .process(new AwaitReply(waiting));
                from("kafka:" + REQUESTS + "?" + kafka.camelConsumerOptions("spean-bench-plain-provider", 2))
                        .routeId("plain-provider")
                        .process(exchange -> {
                            byte[] key = exchange.getMessage().getHeader(KafkaConstants.KEY, byte[].class);
                            byte[] body = exchange.getMessage().getBody(byte[].class);
                            exchange.setProperty("relayKey", key);
                            exchange.getMessage().removeHeaders("*");
                            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                            exchange.getMessage().setBody(body);
                        })
                        .to(backend + "?throwExceptionOnFailure=false")
                        .process(exchange -> {
                            byte[] answer = exchange.getMessage().getBody(byte[].class);
                            exchange.getMessage().removeHeaders("*");
                            exchange.getMessage().setHeader(KafkaConstants.KEY, exchange.getProperty("relayKey"));
                            exchange.getMessage().setBody(answer);
                        })
                        .to("kafka:" + REPLIES + "?" + kafka.camelProducerOptions());
                from("kafka:" + REPLIES + "?" + kafka.camelConsumerOptions("spean-bench-plain-replies", 2))
                        .routeId("plain-replies")
                        .process(exchange -> {
                            String id = new String(exchange.getMessage().getHeader(KafkaConstants.KEY, byte[].class),
                                    StandardCharsets.UTF_8);
                            CompletableFuture<byte[]> reply = waiting.remove(id);
                            if (reply != null) {
                                reply.complete(exchange.getMessage().getBody(byte[].class));
                            }
                        });
            }
        });
        camel.start();
        return new PlainRelay(camel, server);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getServer().actualPort() + "/plain");
    }

    @Override
    public void close() {
        camel.stop();
    }

    /** Resumes the HTTP call when its reply comes back, holding no thread meanwhile. */
    private static final class AwaitReply extends AsyncProcessorSupport {
        private final Map<String, CompletableFuture<byte[]>> waiting;

        AwaitReply(Map<String, CompletableFuture<byte[]>> waiting) {
            this.waiting = waiting;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            String id = exchange.getProperty("relayId", String.class);
            @SuppressWarnings("unchecked")
            CompletableFuture<byte[]> reply = exchange.getProperty("relayReply", CompletableFuture.class);
            reply.orTimeout(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((answer, failure) -> {
                waiting.remove(id);
                if (failure != null) {
                    exchange.setException(failure);
                } else {
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    exchange.getMessage().setBody(answer);
                }
                callback.done(false);
            });
            return false;
        }
    }
}
