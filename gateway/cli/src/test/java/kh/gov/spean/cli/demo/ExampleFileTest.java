package kh.gov.spean.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.cli.SpeanHome;

/** The example format: the first form reads as a POST of JSON, the REST fields as given, a wrong one is refused. */
class ExampleFileTest {

    @Test
    void an_example_of_the_first_form_is_a_post_of_its_json_request() {
        DemoScenarios.ExchangeScenario example = DemoScenarios.example(
                SpeanHome.connectors().resolve("moi-id-registry/examples/match.json"));
        assertEquals("POST", example.request().method());
        assertEquals("", example.request().target());
        assertEquals("application/json", example.request().contentType());
        assertTrue(new String(example.request().body(), StandardCharsets.UTF_8).contains("\"nationalId\""));
        assertEquals(200, example.expect().status());
        assertNull(example.expect().bytes());
    }

    @Test
    void a_rest_example_gives_method_path_query_headers_and_expects_headers_and_exact_bytes() throws Exception {
        Path connector = SpeanHome.connectors().resolve("mlmupc-land-registry");
        DemoScenarios.ExchangeScenario json = DemoScenarios.example(connector.resolve("examples/title-as-json.json"));
        assertEquals("GET", json.request().method());
        assertEquals("/titles/PP-0123-04567?fields=parcel", json.request().target());
        assertEquals("MEF-TAX-ASSESSOR-0117", json.request().headers().get("X-Road-UserId"));
        assertEquals("TAX_ASSESSMENT", json.request().headers().get("X-Spean-Purpose"));
        assertEquals(0, json.request().body().length);
        assertNull(json.request().contentType());

        DemoScenarios.ExchangeScenario pdf = DemoScenarios.example(connector.resolve("examples/title-certificate-pdf.json"));
        assertEquals(Map.of("Content-Type", "application/pdf"), pdf.expect().headers());
        assertArrayEquals(Files.readAllBytes(connector.resolve("wiremock/__files/certificate-pp-0123-04567.pdf")),
                pdf.expect().bytes());
    }

    @Test
    void a_misspelt_field_a_file_outside_the_connector_and_an_unknown_method_are_refused(@TempDir Path connector)
            throws Exception {
        Path examples = Files.createDirectories(connector.resolve("examples"));
        String start = "{\"client\": \"KH/GOV/MEF/TAX-REGISTRY\", \"service\": \"KH/GOV/MLMUPC/LAND-REGISTRY/landTitles\", ";
        Map<String, String> refused = Map.of(
                "misspelt.json", start + "\"metod\": \"GET\", \"expect\": {\"status\": 200}}",
                "outside.json", start + "\"requestFile\": \"../../etc/passwd\", \"expect\": {\"status\": 200}}",
                "method.json", start + "\"method\": \"TRACE\", \"expect\": {\"status\": 200}}",
                "expect.json", start + "\"expect\": {\"status\": 200, \"bodyFiel\": \"x.pdf\"}}");
        Map<String, String> reasons = Map.of("misspelt.json", "unknown field metod", "outside.json", "outside the connector",
                "method.json", "method TRACE is not one of", "expect.json", "unknown field expect.bodyFiel");
        for (Map.Entry<String, String> file : refused.entrySet()) {
            Path example = Files.writeString(examples.resolve(file.getKey()), file.getValue());
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> DemoScenarios.example(example));
            assertTrue(refusal.getMessage().contains(reasons.get(file.getKey())), file.getKey() + ": " + refusal.getMessage());
        }
    }
}
