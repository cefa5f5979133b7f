package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.HttpTimestampAuthority;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.TimestampingFiles;

/** The development TSA served over HTTP: a node apart from the authority gets tokens; what is no query gets a 400. */
class TimestampServerTest {

    @Test
    void a_node_gets_a_granted_token_over_http_and_garbage_is_refused(@TempDir Path data) throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        try (TimestampServer server = TimestampServer.start(TimestampingFiles.in(data).loadAuthority(), "127.0.0.1", 0)) {
            URI url = URI.create("http://127.0.0.1:" + server.port() + "/");

            TimeStampResponse token = new TimeStampResponse(new HttpTimestampAuthority(url)
                    .timestamp("a checkpoint".getBytes(StandardCharsets.UTF_8)));
            HttpResponse<Void> garbage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofString("not a query")).build(), HttpResponse.BodyHandlers.discarding());

            assertEquals(0, token.getStatus(), "granted");
            assertTrue(token.getTimeStampToken() != null);
            assertEquals(400, garbage.statusCode());
        }
    }
}
