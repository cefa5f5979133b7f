package kh.gov.spean.federation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;

class PurposeCheckTest {

    private static final SubsystemId BUSINESS_REGISTRY = SubsystemId.parse("KH/GOV/MEF/BUSINESS-REGISTRY");
    private static final String OFFICIAL = "KH-MEF-0042";

    @TempDir
    static Path data;
    static Federation federation;
    static Federation.Service verifyCitizen;
    static Federation.Service siteBlocked;

    @BeforeAll
    static void initialise() {
        federation = TestFederation.create(data).federation();
        verifyCitizen = federation.service(ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen")).orElseThrow();
        siteBlocked = federation.service(ServiceId.parse("KH/GOV/MPTC/WEB-BLOCKLIST/siteBlocked")).orElseThrow();
    }

    @Test
    void a_call_to_a_personal_data_service_with_a_granted_purpose_and_an_official_passes() {
        assertDoesNotThrow(() -> PurposeCheck.check(federation, BUSINESS_REGISTRY, verifyCitizen,
                "BUSINESS_REGISTRATION", OFFICIAL));
    }

    @Test
    void refuses_a_call_to_a_personal_data_service_without_a_purpose() {
        assertRefused(ErrorCode.PURPOSE_MISSING, verifyCitizen, null, OFFICIAL);
    }

    @Test
    void refuses_a_call_to_a_personal_data_service_without_an_official_or_with_a_blank_one() {
        assertRefused(ErrorCode.OFFICIAL_MISSING, verifyCitizen, "BUSINESS_REGISTRATION", null);
        assertRefused(ErrorCode.OFFICIAL_MISSING, verifyCitizen, "BUSINESS_REGISTRATION", "   ");
    }

    @Test
    void refuses_a_purpose_outside_the_catalogue_whatever_the_service() {
        assertRefused(ErrorCode.PURPOSE_UNKNOWN, verifyCitizen, "CURIOSITY", OFFICIAL);
        assertRefused(ErrorCode.PURPOSE_UNKNOWN, siteBlocked, "CURIOSITY", null);
    }

    @Test
    void refuses_a_purpose_of_the_catalogue_that_the_access_right_does_not_grant() {
        SpeanException refused = assertRefused(ErrorCode.PURPOSE_NOT_GRANTED, verifyCitizen, "TAX_ASSESSMENT", OFFICIAL);
        assertEquals("KH/GOV/MEF/BUSINESS-REGISTRY may not call KH/GOV/MOI/ID-REGISTRY/verifyCitizen for purpose "
                + "TAX_ASSESSMENT; its access right grants [BUSINESS_REGISTRATION]", refused.detail());
    }

    @Test
    void a_service_without_personal_data_needs_neither_purpose_nor_official_and_carries_a_known_one() {
        assertDoesNotThrow(() -> PurposeCheck.check(federation, BUSINESS_REGISTRY, siteBlocked, null, null));
        assertDoesNotThrow(() -> PurposeCheck.check(federation, BUSINESS_REGISTRY, siteBlocked, "TAX_ASSESSMENT", null));
    }

    private static SpeanException assertRefused(ErrorCode code, Federation.Service service, String purpose,
                                                 String official) {
        SpeanException refused = assertThrows(SpeanException.class,
                () -> PurposeCheck.check(federation, BUSINESS_REGISTRY, service, purpose, official));
        assertEquals(code, refused.code(), refused.detail());
        return refused;
    }
}
