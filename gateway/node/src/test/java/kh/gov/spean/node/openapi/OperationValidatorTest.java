package kh.gov.spean.node.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/** The kept descriptions of landTitles and verifyCitizen, read as a node reads them, and what each refusal is coded. */
class OperationValidatorTest {

    static SchemaCatalog catalog;
    static OperationValidator landTitles;
    static OperationValidator verifyCitizen;

    @BeforeAll
    static void load() {
        catalog = SchemaCatalog.load(TestNetwork.repositoryRoot().resolve("schemas"));
        landTitles = OperationValidator.of(ServiceDescription.of(landTitlesService("mlmupc.landTitles.openapi/v1"), catalog));
        verifyCitizen = OperationValidator.of(ServiceDescription.of(new Federation.Service(
                ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen"), null, ServicePattern.REQUEST_RESPONSE,
                SchemaId.parse("moi.verifyCitizen.request/v1"), SchemaId.parse("moi.verifyCitizen.response/v1"),
                SchemaId.parse("moi.verifyCitizen.openapi/v1"), true), catalog));
    }

    @Test
    void passes_the_operations_the_description_declares() {
        assertEquals(Optional.empty(), landTitles.checkRequest("GET", frame("/titles/PP-0123-04567?fields=parcel&fields=status"), new byte[0]));
        assertEquals(Optional.empty(), landTitles.checkRequest("PUT", frame("/titles/PP-0123-04567", "Content-Type",
                "application/json; charset=utf-8"), json("{\"status\":\"registered\"}")));
        assertEquals(Optional.empty(), landTitles.checkRequest("DELETE", frame("/titles/PP-0123-04567"), new byte[0]));
        assertEquals(Optional.empty(), verifyCitizen.checkRequest("POST", frame(""), json("{}")),
                "a POST on the service itself, a body without a media type being JSON; the body is the schema's to check");
    }

    @Test
    void codes_each_refusal_by_what_the_call_breaks() {
        assertEquals(ErrorCode.UNKNOWN_PATH, code(landTitles.checkRequest("GET", frame("/parcels/1"), new byte[0])));
        OperationRefusal method = landTitles.checkRequest("PATCH", frame("/titles/PP-0123-04567"), new byte[0]).orElseThrow();
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, method.code());
        assertEquals(List.of("GET", "PUT", "DELETE"), method.allowedMethods());
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, code(verifyCitizen.checkRequest("POST",
                frame("", "Content-Type", "text/xml"), json("<verify/>"))));
        assertEquals(ErrorCode.REQUEST_INVALID, code(landTitles.checkRequest("GET", frame("/titles/42"), new byte[0])));
        assertEquals(ErrorCode.REQUEST_INVALID, code(landTitles.checkRequest("PUT", frame("/titles/PP-0123-04567",
                "Content-Type", "application/json"), new byte[0])));
    }

    @Test
    void checks_a_2xx_answer_for_its_declared_media_type() {
        assertEquals(Optional.empty(), landTitles.checkAnswer("GET", "/titles/PP-0123-04567/certificate", 200,
                frame("", "Content-Type", "application/pdf"), "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(landTitles.checkAnswer("GET", "/titles/PP-0123-04567", 200, frame("", "Content-Type", "text/html"),
                json("<html/>")).isPresent());
    }

    @Test
    void refuses_a_description_that_references_a_schema_not_its_services() {
        SpeanException refused = assertThrows(SpeanException.class,
                () -> ServiceDescription.of(new Federation.Service(ServiceId.parse("KH/GOV/MLMUPC/LAND-REGISTRY/landTitles"),
                        null, ServicePattern.REQUEST_RESPONSE, SchemaId.parse("mlmupc.landTitles.request/v1"),
                        SchemaId.parse("mlmupc.getLandTitle.response/v1"), SchemaId.parse("mlmupc.landTitles.openapi/v1"), true), catalog));
        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
        assertThrows(SpeanException.class, () -> ServiceDescription.of(landTitlesService("mlmupc.landTitles.request/v1"), catalog),
                "a schema is not a description");
    }

    private static Federation.Service landTitlesService(String description) {
        return new Federation.Service(ServiceId.parse("KH/GOV/MLMUPC/LAND-REGISTRY/landTitles"), null,
                ServicePattern.REQUEST_RESPONSE, SchemaId.parse("mlmupc.landTitles.request/v1"),
                SchemaId.parse("mlmupc.landTitles.response/v1"), SchemaId.parse(description), true);
    }

    private static ErrorCode code(Optional<OperationRefusal> refusal) {
        return refusal.orElseThrow().code();
    }

    private static RestFrame frame(String target, String... headers) {
        List<RestFrame.Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(new RestFrame.Field(headers[i], headers[i + 1]));
        }
        return new RestFrame(target, fields);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
