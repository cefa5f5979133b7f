package kh.gov.spean.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.SealedEnvelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.TestFederation;
import kh.gov.spean.federation.TimestampingFiles;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;

/**
 * A real message log of the Ministry of Interior's node, written into a test folder: received and delivered requests
 * from real sealed envelopes, refusals, one sent envelope, a checkpoint every five entries and one at closing.
 */
record TestLog(TestFederation federation, LogFiles files, SealedEnvelope firstRequest, long entries) {

    static final ServiceId VERIFY_CITIZEN = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
    static final byte[] PAYLOAD = "{\"nationalId\":\"010203040\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}"
            .getBytes(StandardCharsets.UTF_8);

    static TestLog write(Path data) {
        TestFederation federation = TestFederation.create(data);
        LogFiles files = new LogFiles(data.resolve("KH.GOV.MOI").resolve("log"));
        MemberKeys mef = federation.keys(TestFederation.MEF);
        MemberKeys moi = federation.keys(TestFederation.MOI);
        SealedEnvelope first = null;
        try (MessageLog log = open(federation, files.directory())) {
            for (int i = 0; i < 12; i++) {
                SealedEnvelope request = request(federation, mef, "BUSINESS-REGISTRY");
                first = first == null ? request : first;
                log.append(List.of(
                        LogEntries.received(TestFederation.MOI, request.envelope(), mef.signingCertificate()),
                        LogEntries.delivered(TestFederation.MOI, request.envelope(), mef.signingCertificate(),
                                "direct:ID-REGISTRY.verifyCitizen")));
                if (i % 4 == 3) {
                    log.append(LogEntries.rejected(TestFederation.MOI, request.envelope(), null, "inbox",
                            ErrorCode.REPLAYED, "envelope seen before"));
                }
            }
            log.append(LogEntries.rejected(TestFederation.MOI, null, "garbage".getBytes(StandardCharsets.UTF_8),
                    "inbox", ErrorCode.ENVELOPE_MALFORMED, "not an envelope"));
            log.append(LogEntries.sent(TestFederation.MOI, request(federation, moi, "ANTI-SCAM").envelope(),
                    moi.signingCertificate()));
            return new TestLog(federation, files, first, log.size());
        }
    }

    static MessageLog open(TestFederation federation, Path directory) {
        MemberKeys moi = federation.keys(TestFederation.MOI);
        return MessageLog.open(new LogSettings(directory, LogSettings.originOf("KH/GOV/MOI", "node-1"), 5,
                        Duration.ofMinutes(10)), new DetachedSigner(moi.signingKey(), moi.signingCertificate()),
                TimestampingFiles.in(federation.data()).loadAuthority(), Clock.systemUTC());
    }

    static SealedEnvelope request(TestFederation federation, MemberKeys sender, String subsystem) {
        Federation fed = federation.federation();
        Federation.Service service = fed.service(VERIFY_CITIZEN).orElseThrow();
        return new EnvelopeSealer(sender, Clock.systemUTC(), Duration.ofMinutes(5)).seal(
                EnvelopeDraft.request(new SubsystemId(sender.member(), subsystem), VERIFY_CITIZEN, service.requestSchema(),
                        fed.schemaDigest(service.requestSchema()).orElseThrow()),
                PAYLOAD, fed.member(TestFederation.MOI).orElseThrow().encryptionCertificate());
    }
}
