package kh.gov.spean.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revocation is a newer signed configuration; a running node adopts only what is newer than what it has. */
class FederationRevocationTest {

    @Test
    void a_revoked_members_certificates_are_named_in_a_newer_configuration_that_a_node_adopts(@TempDir Path data) {
        TestFederation federation = TestFederation.create(data);
        Federation inUse = federation.federation();
        var mefSigning = inUse.member(TestFederation.MEF).orElseThrow().signingCertificate();

        assertEquals(2, new FederationRevocation(Clock.systemUTC()).revoke(data, TestFederation.MEF, "keyCompromise"));
        Federation newer = FederationLoader.load(federation.files(), Instant.now());
        inUse.adopt(newer);

        var revoked = inUse.revocation(mefSigning).orElseThrow();
        assertEquals("keyCompromise", revoked.reason());
        assertTrue(inUse.revocation(inUse.member(TestFederation.MOI).orElseThrow().signingCertificate()).isEmpty());
        assertEquals(0, new FederationRevocation(Clock.systemUTC()).revoke(data, TestFederation.MEF, "keyCompromise"),
                "revoking twice adds nothing");
    }

    @Test
    void a_configuration_not_newer_than_the_one_in_use_is_not_adopted(@TempDir Path data) {
        TestFederation federation = TestFederation.create(data);
        Federation same = FederationLoader.load(federation.files(), Instant.now());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> federation.federation().adopt(same));
        assertTrue(refused.getMessage().contains("is not newer"), refused.getMessage());
    }
}
