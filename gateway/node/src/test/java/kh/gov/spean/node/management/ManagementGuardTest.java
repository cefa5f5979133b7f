package kh.gov.spean.node.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagementGuardTest {

    @ParameterizedTest(name = "Host: {0} is the host {1}")
    @CsvSource(nullValues = "none", value = {
        "127.0.0.1:8443, 127.0.0.1",
        "LOCALHOST, localhost",
        "[::1]:8443, ::1",
        "evil.example:443, evil.example",
        "[::1, none",
        "'  ', none"})
    void reads_the_host_of_a_host_header_without_port_or_brackets(String header, String host) {
        assertEquals(host, ManagementGuard.hostOf(header));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource(nullValues = "any", value = {
        "/audit, AUDITOR",
        "/audit/entries/3, AUDITOR",
        "/audit/export, AUDITOR",
        "/metrics, OPERATOR",
        "/monitoring, OPERATOR",
        "/health, OPERATOR",
        "/auditx, any",
        "/metrics/x, any",
        "/logout, any"})
    void each_path_needs_its_role(String path, Role role) {
        assertEquals(role, ManagementGuard.requiredRole(path));
    }

    @Test
    void a_request_without_a_host_header_has_no_host() {
        assertNull(ManagementGuard.hostOf(null));
    }
}
