package kh.gov.spean.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.RepositoryRoot;
import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaId;

class FederationLoaderTest {

    @TempDir
    static Path data;
    static TestFederation federation;

    @BeforeAll
    static void initialise() {
        federation = TestFederation.create(data);
    }

    @Test
    void loads_the_members_services_and_access_rights_of_the_seed() {
        Federation loaded = federation.federation();
        ServiceId verifyCitizen = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
        assertTrue(loaded.member(TestFederation.MOI).isPresent());
        assertTrue(loaded.isAllowed(SubsystemId.parse("KH/GOV/MEF/BUSINESS-REGISTRY"), verifyCitizen));
        assertFalse(loaded.isAllowed(SubsystemId.parse("KH/GOV/MEF/TAX-REGISTRY"), verifyCitizen));
        assertEquals("moi.verifyCitizen.request/v1", loaded.service(verifyCitizen).orElseThrow().requestSchema().toString());
    }

    @Test
    void digests_each_services_openapi_description_as_it_digests_its_schemas() throws Exception {
        Federation loaded = federation.federation();
        assertFalse(loaded.services().isEmpty());
        for (Federation.Service service : loaded.services()) {
            SchemaId description = service.openApi();
            assertTrue(description != null && service.schemas().contains(description), service.id() + " has a description");
            byte[] kept = Files.readAllBytes(RepositoryRoot.path().resolve("schemas").resolve(description.name())
                    .resolve(description.version()).resolve("openapi.json"));
            assertEquals(Digests.hex(Digests.sha256(kept)), loaded.schemaDigest(description).orElseThrow(),
                    service.id() + ": the configuration fixes the description's exact bytes");
        }
    }

    @Test
    void refuses_an_unsigned_configuration(@TempDir Path copy) throws Exception {
        FederationFiles files = copyOf(copy);
        Files.delete(files.signature());
        assertRefused(files, Instant.now(), "unsigned");
    }

    @Test
    void refuses_an_altered_configuration(@TempDir Path copy) throws Exception {
        FederationFiles files = copyOf(copy);
        String text = Files.readString(files.configuration());
        Files.writeString(files.configuration(), text.replace("TAX-REGISTRY", "TAX-REGISTRZ"));
        assertRefused(files, Instant.now(), "altered");
    }

    @Test
    void refuses_an_expired_configuration() {
        assertRefused(federation.files(), federation.federation().expiresAt().plus(Duration.ofSeconds(1)), "expired");
    }

    @Test
    void refuses_a_configuration_signed_by_a_member_instead_of_the_authority(@TempDir Path copy) throws Exception {
        FederationFiles files = copyOf(copy);
        MemberKeys member = federation.keys(TestFederation.MEF);
        Files.write(files.signature(), new DetachedSigner(member.signingKey(), member.signingCertificate())
                .sign(Files.readAllBytes(files.configuration())));
        assertRefused(files, Instant.now(), "not by the federation authority");
    }

    private static void assertRefused(FederationFiles files, Instant now, String reason) {
        SpeanException refused = assertThrows(SpeanException.class, () -> FederationLoader.load(files, now));
        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
        assertTrue(refused.detail().contains(reason), () -> "'" + refused.detail() + "' should say " + reason);
    }

    private static FederationFiles copyOf(Path target) throws Exception {
        FederationFiles source = federation.files();
        FederationFiles copy = FederationFiles.in(target);
        Files.createDirectories(copy.directory());
        for (Path file : new Path[] {source.caCertificate(), source.configuration(), source.signature()}) {
            Files.write(copy.directory().resolve(file.getFileName()), Files.readAllBytes(file));
        }
        assertEquals(Files.readString(source.configuration(), StandardCharsets.UTF_8),
                Files.readString(copy.configuration(), StandardCharsets.UTF_8));
        return copy;
    }
}
