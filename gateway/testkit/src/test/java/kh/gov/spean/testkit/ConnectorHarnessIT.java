package kh.gov.spean.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import kh.gov.spean.cli.demo.ExchangePlayer;

/** What a connector's own test looks like with the test kit: the harness in one line, the examples in one assertion. */
class ConnectorHarnessIT {

    @RegisterExtension
    static SpeanNetworkExtension spean = SpeanNetworkExtension.forThisRepository();

    @Test
    void every_example_of_the_land_registry_connector_holds() {
        assertEquals(List.of(), spean.failedExamples("mlmupc-land-registry"));
    }

    @Test
    void a_one_way_report_is_receipted_and_an_event_reaches_its_subscribers() {
        assertEquals(List.of(), spean.failedExamples("mptc-web-blocklist"));
    }

    @Test
    void a_backend_failure_reaches_the_caller_as_the_backend_gave_it() {
        StubMapping failure = spean.backend("moi-id-registry").stubFor(post(urlPathEqualTo("/id-registry/v1/citizens/verify"))
                .atPriority(0).willReturn(aResponse().withStatus(500)));
        try {
            ExchangePlayer.Answer answer = spean.call("KH/GOV/MEF/BUSINESS-REGISTRY", "KH/GOV/MOI/ID-REGISTRY/verifyCitizen",
                    "{\"nationalId\": \"010203040\", \"fullNameEn\": \"Sok Chandara\", \"dateOfBirth\": \"1990-01-31\"}");

            // PR-REST: the provider's own answer passes through, status and all, and no X-Road-Error is Spean's.
            assertEquals(500, answer.status(), answer.body());
            assertNull(answer.error(), answer.body());
        } finally {
            spean.backend("moi-id-registry").removeStubMapping(failure);
        }
    }
}
