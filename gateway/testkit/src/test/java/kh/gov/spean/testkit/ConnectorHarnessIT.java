package kh.gov.spean.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.connector.ExampleCheck;
import kh.gov.spean.cli.demo.ExchangePlayer;

/** What a connector's own test looks like with the test kit: the harness in one line, the examples in one assertion. */
class ConnectorHarnessIT {

    @RegisterExtension
    static SpeanNetworkExtension spean = SpeanNetworkExtension.forThisRepository();

    /** Every connector's examples as {@code spean connector test} plays them: GET, PUT, PDFs, one-way and events. */
    @Test
    void every_example_of_every_connector_of_the_repository_holds() throws IOException {
        List<String> connectors;
        try (Stream<Path> folders = Files.list(SpeanHome.connectors())) {
            connectors = folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
        }
        assertTrue(connectors.size() >= 5, "connectors found: " + connectors);
        List<ExampleCheck.Verdict> failed = new ArrayList<>();
        connectors.forEach(connector -> failed.addAll(spean.failedExamples(connector)));
        assertEquals(List.of(), failed);
    }

    @Test
    void a_backend_failure_reaches_the_caller_as_the_backend_gave_it() {
        StubMapping failure = spean.backend("moi-id-registry").stubFor(post(urlPathEqualTo("/id-registry/v1/citizens/verify"))
                .atPriority(0).willReturn(aResponse().withStatus(500)));
        try {
            ExchangePlayer.Answer answer = spean.call("KH/GOV/MEF/BUSINESS-REGISTRY", "KH/GOV/MOI/ID-REGISTRY/verifyCitizen",
                    Map.of("X-Spean-Purpose", "BUSINESS_REGISTRATION", "X-Road-UserId", "MEF-REGISTRAR-0042"), "{\"nationalId\": \"010203040\", \"fullNameEn\": \"Sok Chandara\", \"dateOfBirth\": \"1990-01-31\"}");

            // PR-REST: the provider's own answer passes through, status and all, and no X-Road-Error is Spean's.
            assertEquals(500, answer.status(), answer.body());
            assertNull(answer.error(), answer.body());
        } finally {
            spean.backend("moi-id-registry").removeStubMapping(failure);
        }
    }
}
