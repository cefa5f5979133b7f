package kh.gov.spean.envelope;

import static kh.gov.spean.envelope.EnvelopeTest.BUSINESS_REGISTRY;
import static kh.gov.spean.envelope.EnvelopeTest.PAYLOAD;
import static kh.gov.spean.envelope.EnvelopeTest.assertCode;
import static kh.gov.spean.envelope.EnvelopeTest.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.DecryptionKeys;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationKeyRotation;
import kh.gov.spean.federation.FederationRevocation;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.federation.TestFederation;

/**
 * A member rotates its keys while messages are in flight: what was sealed to its old encryption key still opens at a
 * node that loaded its keys before the rotation, and so does what is sealed to the new one; what it signed with its old
 * key still verifies, until the next rotation.
 */
class KeyRotationTest {

    private final FederationKeyRotation rotation = new FederationKeyRotation(Clock.systemUTC());

    @Test
    void payloads_sealed_to_the_replaced_and_to_the_new_encryption_key_both_open_without_a_restart(@TempDir Path data) {
        TestFederation before = TestFederation.create(data);
        MemberKeys mef = before.keys(TestFederation.MEF);
        EnvelopeOpener interior = new EnvelopeOpener(new PayloadOpener(
                MemberFiles.in(data, TestFederation.MOI).decryptionKeys()));
        Envelope sealedBefore = request(before, mef, BUSINESS_REGISTRY);

        FederationKeyRotation.Rotated rotated = rotation.rotate(data, TestFederation.MOI);
        TestFederation after = TestFederation.load(data);
        Envelope sealedAfter = request(after, mef, BUSINESS_REGISTRY);

        assertEquals(rotated.encryptionCertificate(),
                after.federation().member(TestFederation.MOI).orElseThrow().encryptionCertificate());
        assertArrayEquals(PAYLOAD, interior.open(sealedBefore).payload());
        assertArrayEquals(PAYLOAD, interior.open(sealedAfter).payload());
        assertCode(ErrorCode.DECRYPTION_FAILED, () -> new EnvelopeOpener(new PayloadOpener(
                MemberFiles.in(data, TestFederation.MEF).decryptionKeys())).open(sealedAfter));
    }

    @Test
    void the_current_decryption_key_follows_a_rotation_and_the_replaced_one_is_kept(@TempDir Path data) {
        TestFederation before = TestFederation.create(data);
        X509Certificate original = before.keys(TestFederation.MOI).encryptionCertificate();
        DecryptionKeys loaded = MemberFiles.in(data, TestFederation.MOI).decryptionKeys();
        assertEquals(original, loaded.current().certificate());

        FederationKeyRotation.Rotated rotated = rotation.rotate(data, TestFederation.MOI);
        loaded.reloadIfChanged();

        assertEquals(rotated.encryptionCertificate(), loaded.current().certificate());
        assertEquals(Set.of(original, rotated.encryptionCertificate()),
                loaded.keys().stream().map(DecryptionKeys.Key::certificate).collect(Collectors.toSet()));
    }

    @Test
    void a_signature_by_the_replaced_key_counts_until_the_next_rotation_or_a_revocation(@TempDir Path data) {
        TestFederation before = TestFederation.create(data);
        MemberKeys oldKeys = before.keys(TestFederation.MEF);
        Envelope signedBefore = request(before, oldKeys, BUSINESS_REGISTRY);

        FederationKeyRotation.Rotated first = rotation.rotate(data, TestFederation.MEF);
        TestFederation afterFirst = TestFederation.load(data);
        Federation.Member mef = afterFirst.federation().member(TestFederation.MEF).orElseThrow();
        assertEquals(List.of(oldKeys.signingCertificate()), mef.previousSigningCertificates());
        assertEquals(first.signingCertificate(), mef.signingCertificate());
        MemberKeys newKeys = afterFirst.keys(TestFederation.MEF);
        assertNotEquals(oldKeys.signingCertificate(), newKeys.signingCertificate());
        Envelope signedAfter = request(afterFirst, newKeys, BUSINESS_REGISTRY);
        verifierOf(afterFirst).verify(signedBefore, Instant.now());
        verifierOf(afterFirst).verify(signedAfter, Instant.now());

        rotation.rotate(data, TestFederation.MEF);
        TestFederation afterSecond = TestFederation.load(data);
        assertCode(ErrorCode.SIGNER_UNTRUSTED, () -> verifierOf(afterSecond).verify(signedBefore, Instant.now()));
        verifierOf(afterSecond).verify(signedAfter, Instant.now());

        assertEquals(3, new FederationRevocation(Clock.systemUTC()).revoke(data, TestFederation.MEF, "keyCompromise"),
                "the current signing and encryption certificates and the previous signing one");
        assertCode(ErrorCode.CERTIFICATE_REVOKED,
                () -> verifierOf(TestFederation.load(data)).verify(signedAfter, Instant.now()));
    }

    private static EnvelopeVerifier verifierOf(TestFederation federation) {
        return new EnvelopeVerifier(federation.federation(), federation.trustAnchor());
    }
}
