package kh.gov.spean.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.envelope.SealedEnvelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.TestFederation;
import kh.gov.spean.federation.TimestampingFiles;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.log.MessageLog;

/**
 * A real Interior log whose deliveries carry subject tags (written here as the provider's node writes them): the search
 * finds exactly one citizen's accesses with their outcomes, every proof checks, and any change to the evidence or to a
 * stated fact is caught.
 */
class SubjectAccessSearchTest {

    static final String CITIZEN_A = "010203040";
    static final String CITIZEN_B = "030405060";
    static final ServiceId VERIFY_CITIZEN = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
    static final byte[] BODY = ("{\"nationalId\":\"" + CITIZEN_A + "\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path data;
    static TestFederation federation;
    static LogFiles files;
    static SubjectTagKeys keys;
    static long covered;

    @BeforeAll
    static void writeALogWithTaggedDeliveries() {
        federation = TestFederation.create(data);
        files = new LogFiles(data.resolve("KH.GOV.MOI").resolve("log"));
        keys = SubjectTagKeys.createIfAbsent(data.resolve("KH.GOV.MOI").resolve("subject-tags"));
        String tagA = keys.tag(CITIZEN_A);
        try (MessageLog log = open()) {
            access(log, "BUSINESS-REGISTRY", "KH0001", "BR-2026-17", tagA, 200);
            access(log, "BUSINESS-REGISTRY", "KH0002", null, keys.tag(CITIZEN_B), 200);
            access(log, "BUSINESS-REGISTRY", "KH0001", null, null, 200);
            keys = SubjectTagKeys.rotate(data.resolve("KH.GOV.MOI").resolve("subject-tags"));
            access(log, "TAX-REGISTRY", "KH0003", null, keys.tag(CITIZEN_A), -1);
            covered = log.checkpoint();
        }
    }

    @Test
    void finds_exactly_the_citizens_accesses_under_every_key_version_with_their_outcomes() throws IOException {
        SubjectAccesses found = find(CITIZEN_A);
        assertEquals(2, found.accesses().size());
        SubjectAccesses.Access first = found.accesses().get(0);
        assertEquals("KH/GOV/MEF/BUSINESS-REGISTRY", first.client());
        assertEquals(VERIFY_CITIZEN.toString(), first.service());
        assertEquals("KH0001", first.official());
        assertEquals("BR-2026-17", first.issue());
        assertEquals("answered 200", first.outcome());
        SubjectAccesses.Access second = found.accesses().get(1);
        assertEquals("KH/GOV/MEF/TAX-REGISTRY", second.client());
        assertEquals(ErrorCode.BACKEND_TIMEOUT.code(), second.outcome());
        assertEquals(1, find(CITIZEN_B).accesses().size());
        assertEquals(0, find("999999999").accesses().size());
    }

    @Test
    void every_access_verifies_and_the_answer_never_holds_the_id() throws IOException {
        SubjectAccesses found = find(CITIZEN_A);
        SubjectAccessCheck check = check();
        SubjectAccessCheck.CheckedCheckpoint checkpoint = check.checkpoint("KH/GOV/MOI", found.checkpoint());
        assertEquals(covered, checkpoint.checkpoint().size());
        for (SubjectAccessCheck.Verdict verdict : check.accesses("KH/GOV/MOI", checkpoint, found.accesses())) {
            assertNull(verdict.problem());
        }
        String json = new String(SpeanJson.toBytes(found), StandardCharsets.UTF_8);
        assertFalse(json.contains(CITIZEN_A));
        assertFalse(json.contains(Digests.base64(CITIZEN_A.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_changed_byte_in_an_entry_or_its_proof_fails_its_check() throws IOException {
        SubjectAccesses found = find(CITIZEN_A);
        SubjectAccessCheck check = check();
        SubjectAccessCheck.CheckedCheckpoint checkpoint = check.checkpoint("KH/GOV/MOI", found.checkpoint());
        SubjectAccesses.Access access = found.accesses().get(0);
        byte[] line = Digests.fromBase64(access.request().line());
        line[line.length / 2] ^= 1;
        SubjectAccesses.Access alteredLine = withRequest(access, new SubjectAccesses.ProvenEntry(access.request().index(),
                Digests.base64(line), access.request().auditPath()));
        List<String> path = new java.util.ArrayList<>(access.request().auditPath());
        path.set(0, path.get(0).replace(path.get(0).charAt(0), path.get(0).charAt(0) == 'a' ? 'b' : 'a'));
        SubjectAccesses.Access alteredProof = withRequest(access, new SubjectAccesses.ProvenEntry(
                access.request().index(), access.request().line(), path));
        for (SubjectAccesses.Access altered : List.of(alteredLine, alteredProof)) {
            assertTrue(check.accesses("KH/GOV/MOI", checkpoint, List.of(altered)).get(0).problem()
                    .contains("inclusion proof"));
        }
    }

    @Test
    void a_stated_fact_the_signed_entries_do_not_say_fails_its_check() throws IOException {
        SubjectAccesses found = find(CITIZEN_A);
        SubjectAccessCheck check = check();
        SubjectAccessCheck.CheckedCheckpoint checkpoint = check.checkpoint("KH/GOV/MOI", found.checkpoint());
        SubjectAccesses.Access access = found.accesses().get(0);
        SubjectAccesses.Access otherOfficial = new SubjectAccesses.Access(access.time(), access.service(),
                access.client(), "KH9999", access.issue(), access.purpose(), access.outcome(), access.request(),
                access.answer());
        assertTrue(check.accesses("KH/GOV/MOI", checkpoint, List.of(otherOfficial)).get(0).problem()
                .contains("differs from what the signed entries say"));
        SubjectAccesses.Access noAnswer = new SubjectAccesses.Access(access.time(), access.service(), access.client(),
                access.official(), access.issue(), access.purpose(), access.outcome(), access.request(), null);
        assertTrue(check.accesses("KH/GOV/MOI", checkpoint, List.of(noAnswer)).get(0).problem()
                .contains("differs"));
    }

    @Test
    void a_checkpoint_of_another_member_or_with_a_changed_byte_fails() throws IOException {
        SubjectAccesses found = find(CITIZEN_A);
        SubjectAccessCheck check = check();
        assertThrows(SubjectAccessCheck.EvidenceFailure.class, () -> check.checkpoint("KH/GOV/MEF", found.checkpoint()));
        byte[] text = Digests.fromBase64(found.checkpoint().text());
        text[text.length - 3] ^= 1;
        SubjectAccesses.SignedCheckpointFiles altered = new SubjectAccesses.SignedCheckpointFiles(Digests.base64(text),
                found.checkpoint().signature(), found.checkpoint().timestamp());
        assertThrows(SubjectAccessCheck.EvidenceFailure.class, () -> check.checkpoint("KH/GOV/MOI", altered));
    }

    private static SubjectAccesses.Access withRequest(SubjectAccesses.Access access, SubjectAccesses.ProvenEntry request) {
        return new SubjectAccesses.Access(access.time(), access.service(), access.client(), access.official(),
                access.issue(), access.purpose(), access.outcome(), request, access.answer());
    }

    private static SubjectAccesses find(String citizen) throws IOException {
        Set<String> tags = new LinkedHashSet<>(keys.tags(citizen));
        return SubjectAccessSearch.find("KH/GOV/MOI", files, tags, covered);
    }

    private static SubjectAccessCheck check() {
        return new SubjectAccessCheck(federation.trustAnchor(), SubjectAccessCheck.Signers.byCertificateName());
    }

    private static MessageLog open() {
        MemberKeys moi = federation.keys(TestFederation.MOI);
        return MessageLog.open(new LogSettings(files.directory(), LogSettings.originOf("KH/GOV/MOI", "node-1"), 1000,
                        Duration.ofMinutes(10)), new DetachedSigner(moi.signingKey(), moi.signingCertificate()),
                TimestampingFiles.in(federation.data()).loadAuthority(), Clock.systemUTC());
    }

    /**
     * One request from {@code subsystem} of the Ministry of Economy and Finance, received and delivered (tagged when
     * {@code tag} is given), and Interior's answer: a response of {@code status}, or an error when status is negative.
     */
    private static void access(MessageLog log, String subsystem, String official, String issue, String tag, int status) {
        Federation fed = federation.federation();
        MemberKeys mef = federation.keys(TestFederation.MEF);
        MemberKeys moi = federation.keys(TestFederation.MOI);
        Federation.Service service = fed.service(VERIFY_CITIZEN).orElseThrow();
        SealedEnvelope request = new EnvelopeSealer(mef, Clock.systemUTC(), Duration.ofMinutes(5)).seal(
                EnvelopeDraft.request(new SubsystemId(TestFederation.MEF, subsystem), VERIFY_CITIZEN,
                        service.requestSchema(), fed.schemaDigest(service.requestSchema()).orElseThrow())
                        .withRest(RestFields.request("POST", null, null, official, issue, null, null)),
                new RestFrame("", List.of()), BODY, fed.member(TestFederation.MOI).orElseThrow().encryptionCertificate());
        var delivered = LogEntries.delivered(TestFederation.MOI, request.envelope(), mef.signingCertificate(),
                "direct:ID-REGISTRY.verifyCitizen");
        log.append(List.of(LogEntries.received(TestFederation.MOI, request.envelope(), mef.signingCertificate()),
                tag == null ? delivered : delivered.withSubjectTag(tag)));
        EnvelopeSealer sealer = new EnvelopeSealer(moi, Clock.systemUTC(), Duration.ofMinutes(5));
        SealedEnvelope answer = status < 0
                ? sealer.seal(EnvelopeDraft.error(request.envelope().header(), RequestHash.of(request.envelope()),
                        ErrorCode.BACKEND_TIMEOUT.code()), new byte[0],
                        fed.member(TestFederation.MEF).orElseThrow().encryptionCertificate())
                : sealer.seal(EnvelopeDraft.response(request.envelope().header(), service.responseSchema(),
                                fed.schemaDigest(service.responseSchema()).orElseThrow(), RequestHash.of(request.envelope()))
                                .withRest(RestFields.response(status, request.envelope().header().rest())),
                        new RestFrame("", List.of()), "{}".getBytes(StandardCharsets.UTF_8),
                        fed.member(TestFederation.MEF).orElseThrow().encryptionCertificate());
        log.append(LogEntries.sent(TestFederation.MOI, answer.envelope(), moi.signingCertificate()));
    }
}
