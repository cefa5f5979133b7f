package kh.gov.spean.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.TestFederation;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;

class EnvelopeTest {

    static final ServiceId VERIFY_CITIZEN = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
    static final SubsystemId BUSINESS_REGISTRY = SubsystemId.parse("KH/GOV/MEF/BUSINESS-REGISTRY");
    static final byte[] PAYLOAD = "{\"nationalId\":\"010203040\",\"dateOfBirth\":\"1990-01-31\",\"fullNameEn\":\"Sok Chandara\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path data;
    static TestFederation federation;
    static MemberKeys mef;
    static MemberKeys moi;

    @BeforeAll
    static void initialise() {
        federation = TestFederation.create(data);
        mef = federation.keys(TestFederation.MEF);
        moi = federation.keys(TestFederation.MOI);
    }

    @Test
    void a_sealed_request_verifies_and_opens_to_its_payload_at_the_provider() {
        Envelope envelope = request(mef, BUSINESS_REGISTRY);
        Envelope received = EnvelopeCodec.decode(EnvelopeCodec.encode(envelope));

        verifier().verify(received, Instant.now());
        SaltedPayload opened = openerOf(moi).open(received);

        assertArrayEquals(PAYLOAD, opened.payload());
        assertEquals(TestFederation.MEF, received.header().sender());
        assertEquals(TestFederation.MOI, received.header().recipient());
        assertEquals(received.header().id(), received.header().correlationId());
    }

    @Test
    void the_header_names_the_ciphertext_digest_and_commits_to_the_payload_without_revealing_it() {
        Envelope envelope = request(mef, BUSINESS_REGISTRY);
        String header = new String(envelope.headerBytes(), StandardCharsets.UTF_8);
        assertEquals(Digests.base64(Digests.sha256(envelope.ciphertext())), envelope.header().ciphertextSha256());
        assertFalse(header.contains("010203040"), header);
        assertFalse(new String(EnvelopeCodec.encode(envelope), StandardCharsets.ISO_8859_1).contains("Sok Chandara"));
    }

    @Test
    void rejects_an_envelope_whose_header_was_altered() {
        Envelope genuine = request(mef, BUSINESS_REGISTRY);
        byte[] alteredBytes = new String(genuine.headerBytes(), StandardCharsets.UTF_8)
                .replace("BUSINESS-REGISTRY", "TAX-REGISTRY").getBytes(StandardCharsets.UTF_8);
        Envelope altered = new Envelope(alteredBytes, EnvelopeCodec.decodeHeader(alteredBytes), genuine.signature(),
                genuine.ciphertext());
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> verifier().verify(altered, Instant.now()));
    }

    @Test
    void rejects_an_envelope_whose_ciphertext_was_altered() {
        Envelope genuine = request(mef, BUSINESS_REGISTRY);
        byte[] ciphertext = genuine.ciphertext().clone();
        ciphertext[ciphertext.length - 20] ^= 0x40;
        Envelope altered = new Envelope(genuine.headerBytes(), genuine.header(), genuine.signature(), ciphertext);
        assertCode(ErrorCode.CIPHERTEXT_ALTERED, () -> verifier().verify(altered, Instant.now()));
    }

    @Test
    void rejects_an_envelope_signed_by_a_key_outside_the_federation() {
        CertificateAuthority rogue = DevelopmentPki.newRootCa("Rogue", Duration.ofDays(1));
        KeyPair signing = DevelopmentPki.newKeyPair();
        MemberKeys forged = new MemberKeys(TestFederation.MEF, signing.getPrivate(),
                rogue.issueSigningCertificate("KH/GOV/MEF signing", signing.getPublic(), Duration.ofDays(1)),
                mef.encryptionKey(), mef.encryptionCertificate());
        assertCode(ErrorCode.SIGNER_UNTRUSTED, () -> verifier().verify(request(forged, BUSINESS_REGISTRY), Instant.now()));
    }

    @Test
    void rejects_a_member_signing_in_the_name_of_another() {
        MemberKeys moiPretendingToBeMef = new MemberKeys(TestFederation.MEF, moi.signingKey(), moi.signingCertificate(),
                moi.encryptionKey(), moi.encryptionCertificate());
        assertCode(ErrorCode.SIGNER_UNTRUSTED,
                () -> verifier().verify(request(moiPretendingToBeMef, BUSINESS_REGISTRY), Instant.now()));
    }

    @Test
    void only_the_recipient_can_open_the_payload() {
        Envelope envelope = request(mef, BUSINESS_REGISTRY);
        assertCode(ErrorCode.DECRYPTION_FAILED, () -> openerOf(mef).open(envelope));
    }

    @Test
    void rejects_a_payload_that_does_not_match_its_signed_commitment() {
        Envelope genuine = request(mef, BUSINESS_REGISTRY);
        EnvelopeHeader h = genuine.header();
        EnvelopeHeader lying = new EnvelopeHeader(h.version(), h.id(), h.correlationId(), h.type(), h.sender(),
                h.recipient(), h.client(), h.service(), h.issuedAt(), h.expiresAt(), h.schemaId(), h.schemaSha256(),
                Digests.base64(new byte[32]), h.ciphertextSha256(), h.requestHash(), h.errorCode(), null);
        byte[] headerBytes = EnvelopeCodec.encodeHeader(lying);
        Envelope envelope = new Envelope(headerBytes, lying,
                new DetachedSigner(mef.signingKey(), mef.signingCertificate()).sign(headerBytes), genuine.ciphertext());
        verifier().verify(envelope, Instant.now());
        assertCode(ErrorCode.COMMITMENT_MISMATCH, () -> openerOf(moi).open(envelope));
    }

    @Test
    void the_request_hash_is_the_sha512_of_the_signed_header_bytes() {
        Envelope envelope = request(mef, BUSINESS_REGISTRY);
        assertEquals(Digests.base64(Digests.sha512(envelope.headerBytes())), RequestHash.of(envelope));
        assertEquals(88, RequestHash.of(envelope).length());
    }

    @Test
    void a_response_is_bound_to_its_request() {
        Envelope request = request(mef, BUSINESS_REGISTRY);
        Federation.Service service = federation.federation().service(VERIFY_CITIZEN).orElseThrow();
        Envelope response = new EnvelopeSealer(moi, Clock.systemUTC(), Duration.ofMinutes(5)).seal(
                EnvelopeDraft.response(request.header(), service.responseSchema(), "00", RequestHash.of(request)),
                "{\"result\":\"match\"}".getBytes(StandardCharsets.UTF_8),
                federation.federation().member(TestFederation.MEF).orElseThrow().encryptionCertificate()).envelope();

        assertEquals(EnvelopeType.RESPONSE, response.header().type());
        assertEquals(request.header().id(), response.header().correlationId());
        assertEquals(RequestHash.of(request), response.header().requestHash());
        assertEquals(TestFederation.MEF, response.header().recipient());
    }

    @Test
    void refuses_bytes_that_are_not_an_envelope() {
        assertCode(ErrorCode.ENVELOPE_MALFORMED, () -> EnvelopeCodec.decode("{\"v\":1}".getBytes(StandardCharsets.UTF_8)));
        assertCode(ErrorCode.ENVELOPE_MALFORMED, () -> EnvelopeCodec.decode("not json".getBytes(StandardCharsets.UTF_8)));
        assertCode(ErrorCode.ENVELOPE_MALFORMED, () -> EnvelopeCodec.decode(
                "{\"v\":1,\"header\":\"e30=\",\"signature\":\"\",\"payload\":\"\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refuses_a_header_naming_a_malformed_member() {
        Envelope genuine = request(mef, BUSINESS_REGISTRY);
        byte[] bad = new String(genuine.headerBytes(), StandardCharsets.UTF_8).replace("KH/GOV/MEF\"", "KH/GOV\"")
                .getBytes(StandardCharsets.UTF_8);
        assertCode(ErrorCode.ENVELOPE_MALFORMED, () -> EnvelopeCodec.decodeHeader(bad));
    }

    static Envelope request(MemberKeys sender, SubsystemId client) {
        return request(federation, sender, client);
    }

    /** A verifyCitizen request from {@code client}, signed with {@code sender}'s keys, sealed to the Ministry of Interior. */
    static Envelope request(TestFederation in, MemberKeys sender, SubsystemId client) {
        Federation.Service service = in.federation().service(VERIFY_CITIZEN).orElseThrow();
        return new EnvelopeSealer(sender, Clock.systemUTC(), Duration.ofMinutes(5)).seal(
                EnvelopeDraft.request(client, VERIFY_CITIZEN, service.requestSchema(),
                        in.federation().schemaDigest(service.requestSchema()).orElseThrow()),
                PAYLOAD, in.federation().member(TestFederation.MOI).orElseThrow().encryptionCertificate())
                .envelope();
    }

    static EnvelopeVerifier verifier() {
        return new EnvelopeVerifier(federation.federation(), federation.trustAnchor());
    }

    static EnvelopeOpener openerOf(MemberKeys keys) {
        return new EnvelopeOpener(new PayloadOpener(keys.encryptionKey(), keys.encryptionCertificate()));
    }

    static void assertCode(ErrorCode expected, Runnable action) {
        SpeanException thrown = assertThrows(SpeanException.class, action::run);
        assertEquals(expected, thrown.code(), thrown::detail);
    }
}
