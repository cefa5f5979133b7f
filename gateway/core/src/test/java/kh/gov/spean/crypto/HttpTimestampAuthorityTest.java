package kh.gov.spean.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * A node in production names a TSA by URL (RFC 3161 §3.4 over HTTP). Here a real HTTP server on loopback answers
 * timestamp queries the way any TSA does; the node's client asks it, checks the answer and the token verifies.
 */
class HttpTimestampAuthorityTest {

    static final CertificateAuthority CA = DevelopmentPki.newRootCa("Test federation", Duration.ofDays(30));

    @Test
    void timestamps_bytes_through_a_tsa_reached_over_http() throws Exception {
        KeyPair pair = DevelopmentPki.newKeyPair();
        var certificate = CA.issueTimestampingCertificate("Test TSA", pair.getPublic(), Duration.ofDays(1));
        BuiltInTimestampAuthority tsa = new BuiltInTimestampAuthority(pair.getPrivate(), certificate,
                List.of(certificate, CA.certificate()));
        AtomicInteger answered = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] answer = tsa.answer(exchange.getRequestBody().readAllBytes());
            answered.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            byte[] data = "checkpoint text".getBytes(StandardCharsets.UTF_8);
            byte[] response = new HttpTimestampAuthority(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa")).timestamp(data);
            Instant stamped = new TimestampVerifier(CA.certificate()).verify(data, response);
            assertTrue(Duration.between(stamped, Instant.now()).abs().toMinutes() < 5);
            assertEquals(1, answered.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_tsa_that_cannot_be_reached_is_a_coded_failure() {
        SpeanException failure = assertThrows(SpeanException.class,
                () -> new HttpTimestampAuthority(URI.create("http://127.0.0.1:1/tsa")).timestamp(new byte[] {1}));
        assertEquals(ErrorCode.TRANSPORT_UNAVAILABLE, failure.code());
    }

}
