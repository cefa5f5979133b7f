package kh.gov.spean.node.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.node.TestNetwork;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/** Where the kept descriptions mark the data subject, read as a node reads them, and the marks a node refuses. */
class DataSubjectMarksTest {

    static final ServiceId SERVICE = ServiceId.parse("KH/GOV/MLMUPC/LAND-REGISTRY/landTitles");

    static DataSubjectMarks landTitles;
    static DataSubjectMarks verifyCitizen;
    static DataSubjectMarks verifyCitizenV2;

    @BeforeAll
    static void load() {
        SchemaCatalog catalog = SchemaCatalog.load(TestNetwork.repositoryRoot().resolve("schemas"));
        landTitles = marks(catalog, "KH/GOV/MLMUPC/LAND-REGISTRY/landTitles", "mlmupc.landTitles", "v1");
        verifyCitizen = marks(catalog, "KH/GOV/MOI/ID-REGISTRY/verifyCitizen", "moi.verifyCitizen", "v1");
        verifyCitizenV2 = marks(catalog, "KH/GOV/MOI/ID-REGISTRY/verifyCitizen/v2", "moi.verifyCitizen", "v2");
    }

    @Test
    void reads_the_national_id_of_verify_citizen_from_the_body() {
        assertEquals(Optional.of("010203040"), verifyCitizen.subject("POST", "",
                json("{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}")));
        assertEquals(Optional.of("020304050"), verifyCitizenV2.subject("POST", "",
                json("{\"nationalId\":\"020304050\",\"fullName\":{\"en\":\"Chan Sophea\"}}")));
    }

    @Test
    void reads_the_national_id_of_the_titles_a_citizen_holds_from_the_path() {
        assertEquals(Optional.of("030405060"), landTitles.subject("GET", "/owners/030405060/titles", new byte[0]));
        assertEquals(Optional.of("030405060"), landTitles.subject("GET", "/owners/%30%33%30405060/titles", new byte[0]),
                "percent-escapes decoded, as the backend reads them");
    }

    @Test
    void a_description_marking_a_subject_of_a_service_not_held_as_personal_data_is_refused() {
        SchemaCatalog catalog = SchemaCatalog.load(TestNetwork.repositoryRoot().resolve("schemas"));

        SpeanException refused = assertThrows(SpeanException.class,
                () -> marks(catalog, "KH/GOV/MLMUPC/LAND-REGISTRY/landTitles", "mlmupc.landTitles", "v1", false));

        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
        assertTrue(refused.getMessage().contains("personalData"), refused.getMessage());
    }

    @Test
    void names_no_subject_where_nothing_is_marked_or_the_marked_field_is_absent() {
        assertEquals(Optional.empty(), landTitles.subject("GET", "/titles/PP-0123-04567", new byte[0]));
        assertEquals(Optional.empty(), landTitles.subject("GET", "/nowhere", new byte[0]));
        assertEquals(Optional.empty(), verifyCitizen.subject("POST", "", json("{\"fullNameEn\":\"Sok Chandara\"}")));
        assertEquals(Optional.empty(), verifyCitizen.subject("POST", "", json("{\"nationalId\":12}")));
        assertEquals(Optional.empty(), verifyCitizen.subject("POST", "", json("{\"nationalId\":\"  \"}")));
        assertEquals(Optional.empty(), verifyCitizen.subject("POST", "", new byte[0]));
    }

    @Test
    void reads_a_marked_query_parameter() {
        DataSubjectMarks marks = DataSubjectMarks.of(SERVICE, parse("""
                {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/people":{"get":{
                 "parameters":[{"name":"id","in":"query","x-spean-data-subject":true,"schema":{"type":"string"}}],
                 "responses":{"200":{"description":"ok"}}}}}}"""));
        assertTrue(marks.any());
        assertEquals(Optional.of("123456789"), marks.subject("GET", "/people?x=1&id=123456789", new byte[0]));
        assertEquals(Optional.empty(), marks.subject("GET", "/people?x=1", new byte[0]));
    }

    @Test
    void a_description_without_marks_marks_nothing() {
        assertFalse(DataSubjectMarks.of(SERVICE, parse("""
                {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/":{"get":{
                 "responses":{"200":{"description":"ok"}}}}}}""")).any());
    }

    @Test
    void refuses_a_mark_that_is_not_one_of_its_forms() {
        assertRefused("""
                {"/people/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,
                 "x-spean-data-subject":"yes","schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}""");
        assertRefused("""
                {"/people":{"get":{"parameters":[{"name":"X-Id","in":"header",
                 "x-spean-data-subject":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}""");
        assertRefused("""
                {"/people":{"get":{"x-spean-data-subject":"/id","responses":{"200":{"description":"ok"}}}}}""");
        assertRefused("""
                {"/people":{"post":{"x-spean-data-subject":"/id","requestBody":{"content":{"application/pdf":{}}},
                 "responses":{"200":{"description":"ok"}}}}}""");
        assertRefused("""
                {"/people":{"post":{"x-spean-data-subject":"id","requestBody":{"content":{"application/json":{}}},
                 "responses":{"200":{"description":"ok"}}}}}""");
        assertRefused("""
                {"/people/{id}":{"post":{"x-spean-data-subject":"/id","requestBody":{"content":{"application/json":{}}},
                 "parameters":[{"name":"id","in":"path","required":true,"x-spean-data-subject":true,
                 "schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}""");
    }

    private static void assertRefused(String paths) {
        OpenAPI api = parse("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":" + paths + "}");
        SpeanException refused = assertThrows(SpeanException.class, () -> DataSubjectMarks.of(SERVICE, api));
        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
    }

    private static DataSubjectMarks marks(SchemaCatalog catalog, String service, String name, String version) {
        return marks(catalog, service, name, version, true);
    }

    private static DataSubjectMarks marks(SchemaCatalog catalog, String service, String name, String version,
                                          boolean personalData) {
        Federation.Service described = new Federation.Service(ServiceId.parse(service), null,
                ServicePattern.REQUEST_RESPONSE, SchemaId.parse(name + ".request/" + version),
                SchemaId.parse(name + ".response/" + version), SchemaId.parse(name + ".openapi/" + version),
                personalData);
        return DataSubjectMarks.of(described.id(), ServiceDescription.of(described, catalog).operations())
                .onlyIfPersonalData(described);
    }

    private static OpenAPI parse(String description) {
        return new OpenAPIV3Parser().readContents(description, null, null).getOpenAPI();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
