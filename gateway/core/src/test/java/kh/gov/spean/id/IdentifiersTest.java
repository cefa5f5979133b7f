package kh.gov.spean.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void parses_a_service_into_its_member_and_subsystem() {
        ServiceId service = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
        assertEquals(MemberId.parse("KH/GOV/MOI"), service.member());
        assertEquals(SubsystemId.parse("KH/GOV/MOI/ID-REGISTRY"), service.subsystem());
        assertEquals("verifyCitizen", service.serviceCode());
        assertEquals("KH/GOV/MOI/ID-REGISTRY/verifyCitizen", service.toString());
    }

    @Test
    void a_second_major_version_is_a_service_of_its_own() {
        ServiceId first = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
        ServiceId second = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen/v2");
        assertEquals("v2", second.version());
        assertEquals("KH/GOV/MOI/ID-REGISTRY/verifyCitizen/v2", second.toString());
        assertEquals(second, ServiceId.within(first.subsystem(), "verifyCitizen/v2"));
        assertNotEquals(first, second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"KH/GOV/MOI/ID-REGISTRY/verifyCitizen/v1", "KH/GOV/MOI/ID-REGISTRY/verifyCitizen/2",
            "KH/GOV/MOI/ID-REGISTRY/verifyCitizen/v2/x", "KH/GOV/MOI/ID-REGISTRY/verifyCitizen/", "KH/GOV/MOI/ID-REGISTRY/verifyCitizen/v02"})
    void refuses_a_malformed_service_version(String text) {
        assertThrows(IllegalArgumentException.class, () -> ServiceId.parse(text));
    }

    @Test
    void names_topics_and_folders_with_dots() {
        assertEquals("KH.GOV.MOI", MemberId.parse("KH/GOV/MOI").topicSuffix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KH/GOV", "KH/GOV/MOI/EXTRA", "KH//MOI", "KH/GOV/MO I", "KH/GOV/MOI\r\nX-Evil: 1",
            "KH/GOV/../MOI", "KH/GOV.X/MOI", "KH/GOV/MO_I", "KH/GOV/MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM"})
    void refuses_a_malformed_member(String text) {
        assertThrows(IllegalArgumentException.class, () -> MemberId.parse(text));
    }

    @Test
    void refuses_a_subsystem_with_a_missing_part() {
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("KH/GOV/MOI"));
        assertThrows(IllegalArgumentException.class, () -> ServiceId.parse("KH/GOV/MOI/ID-REGISTRY"));
    }

    @Test
    void refuses_an_envelope_id_that_is_not_a_uuid() {
        assertThrows(IllegalArgumentException.class, () -> EnvelopeId.parse("not-a-uuid"));
        assertThrows(IllegalArgumentException.class, () -> EnvelopeId.parse(null));
    }
}
