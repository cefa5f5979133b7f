package kh.gov.spean.cli.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import kh.gov.spean.cli.demo.MockBackendTls;
import kh.gov.spean.crypto.DevelopmentBackendTls;

/**
 * The register the bench calls: a WireMock server on a free port that answers the bench's one request with a fixed
 * answer — one stub, no response templating, no request journal, no gzip (the node's HTTP client asks for it, and
 * compressing a 130-byte answer over loopback only costs both sides CPU) — so that the figures measure the gateway and not
 * WireMock's JSONPath matching, its Handlebars rendering or a journal growing by every request of a long run. Both
 * the secure path and the plain relay call it. It also takes the one-way messages and event copies the bench sends, and
 * tells the bench of each arrival ({@link Arrivals}).
 */
final class BenchBackend implements AutoCloseable {

    private final WireMockServer server;
    private final String path;

    private BenchBackend(WireMockServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /**
     * Starts it answering POST {@code path} with {@code answer} (JSON), and POSTs to each of {@code taken}'s paths with
     * its status, telling it of each arrival.
     */
    static BenchBackend start(String path, String answer, List<Arrivals> taken, DevelopmentBackendTls tls) {
        WireMockServer server = new WireMockServer(MockBackendTls.https(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .gzipDisabled(true)
                .extensions(taken.toArray(Arrivals[]::new)), tls, 0));
        server.start();
        server.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(answer)));
        for (Arrivals arrivals : taken) {
            server.stubFor(post(urlPathEqualTo(arrivals.path())).willReturn(aResponse().withStatus(arrivals.status())));
        }
        return new BenchBackend(server, path);
    }

    /** The base URL a connector is pointed at. */
    String baseUrl() {
        return MockBackendTls.baseUrl(server);
    }

    /** The full URL of the answered request. */
    URI uri() {
        return URI.create(baseUrl() + path);
    }

    @Override
    public void close() {
        server.stop();
    }
}
