package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An integrator discovers what to call: X-Road's metaservices, answered from the signed federation configuration. */
class MetadataIT {

    @TempDir
    static Path data;
    static TestNetwork network;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void list_clients_names_every_subsystem_with_its_member() throws Exception {
        JsonObject clients = ok(get("/listClients", null));
        List<String> subsystems = clients.getJsonArray("member").stream().map(JsonValue::asJsonObject)
                .map(entry -> entry.getJsonObject("id").getString("member_code") + "/"
                        + entry.getJsonObject("id").getString("subsystem_code")).toList();
        assertTrue(subsystems.containsAll(List.of("MOI/ID-REGISTRY", "MOI/ANTI-SCAM", "MEF/BUSINESS-REGISTRY",
                "MPTC/WEB-BLOCKLIST", "MLMUPC/LAND-REGISTRY")), subsystems.toString());
        assertTrue(clients.toString().contains("\"name\":\"Ministry of Interior\""));
    }

    @Test
    void list_methods_shows_both_major_versions_and_allowed_methods_only_what_the_client_may_call() throws Exception {
        String provider = "/r1/KH/GOV/MOI/ID-REGISTRY";
        assertEquals(List.of("subjectAccesses", "verifyCitizen", "verifyCitizen/v2"),
                codes(ok(get(provider + "/listMethods", TestNetwork.BUSINESS_REGISTRY))));
        assertEquals(List.of("verifyCitizen", "verifyCitizen/v2"),
                codes(ok(get(provider + "/allowedMethods", TestNetwork.BUSINESS_REGISTRY))));
        assertEquals(List.of(), codes(ok(get(provider + "/allowedMethods", "KH/GOV/MEF/TAX-REGISTRY"))));

        HttpResponse<String> noClient = get(provider + "/allowedMethods", null);
        HttpEdgeRejectionIT.assertProblem(noClient, 400, "client.unknown_client");
        HttpEdgeRejectionIT.assertProblem(get("/r1/KH/GOV/MOI/NOBODY/listMethods", TestNetwork.BUSINESS_REGISTRY), 404, "client.unknown_service");
    }

    @Test
    void get_openapi_answers_the_description_the_federation_keeps_with_its_shared_schemas_inlined() throws Exception {
        HttpResponse<String> answer = get("/r1/KH/GOV/MLMUPC/LAND-REGISTRY/getOpenAPI?serviceCode=landTitles",
                TestNetwork.BUSINESS_REGISTRY);
        JsonObject openApi = ok(answer);
        JsonObject kept = readJson("schemas/mlmupc.landTitles.openapi/v1/openapi.json");

        assertEquals(kept.getString("openapi"), openApi.getString("openapi"));
        assertEquals(kept.getJsonObject("info"), openApi.getJsonObject("info"));
        assertEquals(kept.getJsonObject("paths").keySet(), openApi.getJsonObject("paths").keySet());
        assertEquals("/r1/KH/GOV/MLMUPC/LAND-REGISTRY/landTitles",
                openApi.getJsonArray("servers").getJsonObject(0).getString("url"));
        JsonObject title = openApi.getJsonObject("paths").getJsonObject("/titles/{titleNumber}");
        assertEquals("#/components/schemas/mlmupc.landTitles.response.v1", title.getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals(readJson("schemas/mlmupc.landTitles.response/v1/schema.json"),
                openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject("mlmupc.landTitles.response.v1"),
                "the shared schema itself, not a copy that could drift");

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, new ParseOptions());
        assertEquals(List.of(), parsed.getMessages(), "it parses as OpenAPI without a complaint");
        assertEquals(SpecVersion.V31, parsed.getOpenAPI().getSpecVersion());
        PathItem certificate = parsed.getOpenAPI().getPaths().get("/titles/{titleNumber}/certificate");
        assertTrue(certificate.getGet().getResponses().get("200").getContent().containsKey("application/pdf"));
        PathItem titles = parsed.getOpenAPI().getPaths().get("/titles/{titleNumber}");
        assertTrue(titles.getGet() != null && titles.getPut() != null && titles.getDelete() != null && titles.getPost() == null);
        assertTrue(parsed.getOpenAPI().getComponents().getSchemas().containsKey("mlmupc.landTitles.request.v1"));
    }

    @Test
    void get_openapi_names_a_version_with_the_service_code_and_needs_one() throws Exception {
        JsonObject second = ok(get("/r1/KH/GOV/MOI/ID-REGISTRY/getOpenAPI?serviceCode=verifyCitizen/v2",
                TestNetwork.BUSINESS_REGISTRY));
        assertEquals(readJson("schemas/moi.verifyCitizen.openapi/v2/openapi.json").getJsonObject("info"),
                second.getJsonObject("info"));
        assertEquals("urn:spean:schema:moi.verifyCitizen.request:v2", second.getJsonObject("components")
                .getJsonObject("schemas").getJsonObject("moi.verifyCitizen.request.v2").getString("$id"));

        HttpEdgeRejectionIT.assertProblem(get("/r1/KH/GOV/MOI/ID-REGISTRY/getOpenAPI", TestNetwork.BUSINESS_REGISTRY),
                400, "client.malformed_request");
        HttpEdgeRejectionIT.assertProblem(get("/r1/KH/GOV/MOI/ID-REGISTRY/getOpenAPI?serviceCode=noSuchService",
                TestNetwork.BUSINESS_REGISTRY), 404, "client.unknown_service");
    }

    private static JsonObject readJson(String file) throws Exception {
        return ConnectorExample.parse(Files.readString(TestNetwork.repositoryRoot().resolve(file)));
    }

    @Test
    void a_method_a_fixed_path_does_not_serve_is_refused_405_with_allow_get_and_an_x_road_error() throws Exception {
        String[][] calls = {
            {"POST", "/listClients"},
            {"DELETE", "/r1/KH/GOV/MOI/ID-REGISTRY/listMethods"},
            {"PUT", "/r1/KH/GOV/MOI/ID-REGISTRY/allowedMethods"},
            {"PATCH", "/r1/KH/GOV/MPTC/WEB-BLOCKLIST/getOpenAPI?serviceCode=reportScamSite"},
            {"POST", "/messages/6ab54767-2fe8-462c-b819-290b9fb0c0c7"},
        };
        for (String[] call : calls) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + call[1]))
                    .method(call[0], HttpRequest.BodyPublishers.ofString("{}"))
                    .header("X-Road-Client", TestNetwork.BUSINESS_REGISTRY).header("Content-Type", "application/json").build();
            HttpResponse<String> refused = network.http(network.mef(), TestNetwork.BUSINESS_REGISTRY)
                    .send(request, HttpResponse.BodyHandlers.ofString());
            HttpEdgeRejectionIT.assertProblem(refused, 405, "client.method_not_allowed");
            assertEquals("GET", refused.headers().firstValue("Allow").orElse(null), call[0] + " " + call[1]);
        }
    }

    private static List<String> codes(JsonObject services) {
        return services.getJsonArray("service").stream().map(JsonValue::asJsonObject)
                .map(service -> service.getString("service_code")
                        + (service.containsKey("service_version") ? "/" + service.getString("service_version") : ""))
                .toList();
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return ConnectorExample.parse(response.body());
    }

    private HttpResponse<String> get(String path, String client) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + path)).GET();
        if (client != null) {
            request.header("X-Road-Client", client);
        }
        return network.http(network.mef(), client).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
