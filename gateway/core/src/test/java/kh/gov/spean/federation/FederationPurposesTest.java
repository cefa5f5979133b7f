package kh.gov.spean.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.RepositoryRoot;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;

/** The catalogue of purposes, personal-data services and the purposes an access right grants, as init and load read them. */
class FederationPurposesTest {

    private static final ServiceId VERIFY_CITIZEN = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
    private static final ServiceId LAND_TITLES = ServiceId.parse("KH/GOV/MLMUPC/LAND-REGISTRY/landTitles");
    private static final ServiceId REGISTER_BUSINESS = ServiceId.parse("KH/GOV/MEF/BUSINESS-REGISTRY/registerBusiness");
    private static final SubsystemId BUSINESS_REGISTRY = SubsystemId.parse("KH/GOV/MEF/BUSINESS-REGISTRY");
    private static final SubsystemId TAX_REGISTRY = SubsystemId.parse("KH/GOV/MEF/TAX-REGISTRY");

    @Test
    void the_seed_marks_interiors_and_the_land_registrys_citizen_services_and_grants_each_caller_its_purpose(
            @TempDir Path data) {
        Federation federation = TestFederation.create(data).federation();
        assertTrue(federation.service(VERIFY_CITIZEN).orElseThrow().personalData());
        assertTrue(federation.service(LAND_TITLES).orElseThrow().personalData());
        assertFalse(federation.service(REGISTER_BUSINESS).orElseThrow().personalData());
        assertEquals(Set.of("BUSINESS_REGISTRATION"), federation.purposesGranted(BUSINESS_REGISTRY, VERIFY_CITIZEN));
        assertEquals(Set.of("TAX_ASSESSMENT"), federation.purposesGranted(TAX_REGISTRY, LAND_TITLES));
        assertEquals(Set.of(), federation.purposesGranted(TAX_REGISTRY, VERIFY_CITIZEN), "no right, no purpose");
        Federation.Purpose landTitleCheck = federation.purpose("LAND_TITLE_CHECK").orElseThrow();
        assertTrue(landTitleCheck.legalBasis().contains("Land Law"), landTitleCheck.legalBasis());
        assertFalse(landTitleCheck.nameKm().isBlank());
    }

    @Test
    void init_refuses_an_access_right_naming_a_purpose_outside_the_catalogue(@TempDir Path work) throws IOException {
        Path seed = seedWith(work, root -> withRights(root, right -> right.getString("service").equals(VERIFY_CITIZEN
                .toString()) ? Json.createObjectBuilder(right).add("purposes", Json.createArrayBuilder()
                .add("BUSINESS_REGISTRATION").add("CURIOSITY")).build() : right));
        SpeanException refused = assertThrows(SpeanException.class, () -> initialise(seed, work.resolve("data")));
        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
        assertTrue(refused.detail().contains("names purpose CURIOSITY"), refused.detail());
    }

    @Test
    void init_refuses_a_right_to_a_personal_data_service_that_grants_no_purpose(@TempDir Path work) throws IOException {
        Path seed = seedWith(work, root -> withRights(root, right -> right.getString("service").equals(LAND_TITLES
                .toString()) ? Json.createObjectBuilder(right).remove("purposes").build() : right));
        SpeanException refused = assertThrows(SpeanException.class, () -> initialise(seed, work.resolve("data")));
        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
        assertTrue(refused.detail().contains("KH/GOV/MEF/TAX-REGISTRY to " + LAND_TITLES + " grants no purpose"),
                refused.detail());
    }

    @Test
    void init_refuses_a_purpose_listed_twice_or_without_a_legal_basis(@TempDir Path work) throws IOException {
        Path twice = seedWith(work.resolve("twice"), root -> {
            JsonArrayBuilder purposes = Json.createArrayBuilder(root.getJsonArray("purposes"));
            purposes.add(root.getJsonArray("purposes").get(0));
            return Json.createObjectBuilder(root).add("purposes", purposes).build();
        });
        assertEquals(ErrorCode.CONFIGURATION_INVALID, assertThrows(SpeanException.class,
                () -> initialise(twice, work.resolve("twice-data"))).code());
        Path unfounded = seedWith(work.resolve("unfounded"), root -> {
            JsonObject first = Json.createObjectBuilder(root.getJsonArray("purposes").getJsonObject(0))
                    .add("legalBasis", " ").build();
            return Json.createObjectBuilder(root).add("purposes", Json.createArrayBuilder(root.getJsonArray("purposes"))
                    .set(0, first)).build();
        });
        SpeanException refused = assertThrows(SpeanException.class, () -> initialise(unfounded, work.resolve("data")));
        assertTrue(refused.detail().contains("needs a legal basis"), refused.detail());
    }

    @Test
    void a_configuration_written_before_purposes_loads_with_no_purpose_and_no_personal_data_service(
            @TempDir Path work) throws IOException {
        Path seed = seedWith(work, root -> {
            JsonArrayBuilder services = Json.createArrayBuilder();
            root.getJsonArray("services").forEach(service -> services.add(
                    Json.createObjectBuilder(service.asJsonObject()).remove("personalData")));
            JsonObject older = Json.createObjectBuilder(root).remove("purposes").add("services", services).build();
            return withRights(older, right -> Json.createObjectBuilder(right).remove("purposes").build());
        });
        Path data = work.resolve("data");
        initialise(seed, data);
        assertFalse(Files.readString(FederationFiles.in(data).configuration()).contains("\"personalData\""),
                "the configuration is written as an older one was");
        Federation federation = FederationLoader.load(FederationFiles.in(data), Clock.systemUTC().instant());
        assertTrue(federation.purposes().isEmpty());
        assertFalse(federation.service(VERIFY_CITIZEN).orElseThrow().personalData());
        assertTrue(federation.isAllowed(BUSINESS_REGISTRY, VERIFY_CITIZEN));
    }

    private static void initialise(Path seed, Path data) {
        new FederationInitializer(Clock.systemUTC()).initialize(seed, RepositoryRoot.path().resolve("schemas"), data);
    }

    /** The repository's seed changed by {@code change}, written into {@code folder}. */
    private static Path seedWith(Path folder, UnaryOperator<JsonObject> change) throws IOException {
        JsonObject seed = SpeanJson.readObject(Files.readString(RepositoryRoot.path().resolve("seeds/federation.json")));
        Files.createDirectories(folder);
        Path file = folder.resolve("federation.json");
        Files.writeString(file, change.apply(seed).toString());
        return file;
    }

    private static JsonObject withRights(JsonObject seed, UnaryOperator<JsonObject> change) {
        JsonArrayBuilder rights = Json.createArrayBuilder();
        for (JsonValue right : seed.getJsonArray("accessRights")) {
            rights.add(change.apply(right.asJsonObject()));
        }
        JsonObjectBuilder changed = Json.createObjectBuilder(seed).add("accessRights", rights);
        return changed.build();
    }
}
