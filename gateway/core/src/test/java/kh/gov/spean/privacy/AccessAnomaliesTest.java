package kh.gov.spean.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.validation.SchemaId;

/** Unusual accesses per official, from delivered entries crafted as a provider's node writes them. */
class AccessAnomaliesTest {

    static final Instant MORNING = Instant.parse("2026-12-07T02:00:00Z");
    static final String TAX = "KH/GOV/MEF/TAX-REGISTRY";
    static final String BUSINESS = "KH/GOV/MEF/BUSINESS-REGISTRY";

    long index;

    @Test
    void flags_the_access_that_takes_an_official_over_the_distinct_subjects_of_a_day() {
        AccessAnomalies detector = new AccessAnomalies(new AnomalyThresholds(3, 20));
        List<AccessAnomaly> found = new ArrayList<>();
        for (String subject : List.of("a", "b", "a", "c", "c", "d", "e")) {
            found.addAll(detector.observe(delivered(TAX, "officer-1", "case-1", null, subject, MORNING)));
        }
        assertEquals(1, found.size(), "once, at the fourth distinct subject: " + found);
        AccessAnomaly over = found.get(0);
        assertEquals(AccessAnomaly.Kind.SUBJECTS_PER_DAY, over.kind());
        assertEquals(5, over.index(), "a, b, a, c, c, then d");
        assertEquals("KH/GOV/MEF", over.clientMember());
        assertEquals("officer-1", over.official());
        assertFalse(over.detail().contains("v1:"), "no tag in the detail");
    }

    @Test
    void counts_each_official_and_each_day_apart() {
        AccessAnomalies detector = new AccessAnomalies(new AnomalyThresholds(2, 20));
        List<AccessAnomaly> found = new ArrayList<>();
        for (String subject : List.of("a", "b")) {
            found.addAll(detector.observe(delivered(TAX, "officer-1", "case-1", null, subject, MORNING)));
            found.addAll(detector.observe(delivered(TAX, "officer-2", "case-1", null, subject, MORNING)));
            found.addAll(detector.observe(delivered(BUSINESS, "officer-1", "case-1", null, subject, MORNING)));
        }
        found.addAll(detector.observe(delivered(TAX, "officer-1", "case-1", null, "c", MORNING.plus(Duration.ofDays(1)))));
        assertEquals(List.of(), found, "two each per official and day, the same user id at another member apart");
        found.addAll(detector.observe(delivered(TAX, "officer-1", "case-1", null, "d", MORNING.plus(Duration.ofDays(1)))));
        found.addAll(detector.observe(delivered(TAX, "officer-1", "case-1", null, "e", MORNING.plus(Duration.ofDays(1)))));
        assertEquals(List.of(AccessAnomaly.Kind.SUBJECTS_PER_DAY), found.stream().map(AccessAnomaly::kind).toList());
    }

    @Test
    void flags_every_access_without_an_issue_number() {
        AccessAnomalies detector = new AccessAnomalies(AnomalyThresholds.DEFAULTS);
        assertEquals(List.of(), detector.observe(delivered(TAX, "officer-1", "case-7", null, "a", MORNING)));
        List<AccessAnomaly> none = detector.observe(delivered(TAX, "officer-1", null, null, "a", MORNING));
        List<AccessAnomaly> blank = detector.observe(delivered(TAX, null, " ", null, "b", MORNING));
        assertEquals(List.of(AccessAnomaly.Kind.NO_ISSUE), none.stream().map(AccessAnomaly::kind).toList());
        assertEquals(List.of(AccessAnomaly.Kind.NO_ISSUE), blank.stream().map(AccessAnomaly::kind).toList());
        assertEquals("-", blank.get(0).official(), "an official who sent no X-Road-UserId");
    }

    @Test
    void flags_a_purpose_new_to_an_official_only_once_they_have_a_history() {
        AccessAnomalies detector = new AccessAnomalies(new AnomalyThresholds(100, 3));
        assertEquals(List.of(), detector.observe(delivered(TAX, "officer-1", "c", "TAX_ASSESSMENT", "a", MORNING)));
        assertEquals(List.of(), detector.observe(delivered(TAX, "officer-1", "c", "LAND_TITLE_CHECK", "b", MORNING)),
                "a second purpose within the first accesses is part of the history, not unusual");
        assertEquals(List.of(), detector.observe(delivered(TAX, "officer-1", "c", "TAX_ASSESSMENT", "c", MORNING)));
        assertEquals(List.of(), detector.observe(delivered(TAX, "officer-1", "c", "LAND_TITLE_CHECK", "d", MORNING)));
        List<AccessAnomaly> unusual = detector.observe(delivered(TAX, "officer-1", "c", "BUSINESS_REGISTRATION", "e", MORNING));
        assertEquals(List.of(AccessAnomaly.Kind.UNUSUAL_PURPOSE), unusual.stream().map(AccessAnomaly::kind).toList());
        assertTrue(unusual.get(0).detail().contains("LAND_TITLE_CHECK, TAX_ASSESSMENT"), unusual.get(0).detail());
        assertEquals(List.of(), detector.observe(delivered(TAX, "officer-2", "c", "BUSINESS_REGISTRATION", "e", MORNING)),
                "another official has no history yet");
    }

    @Test
    void looks_only_at_deliveries_that_name_a_data_subject() {
        AccessAnomalies detector = new AccessAnomalies(AnomalyThresholds.DEFAULTS);
        LogEntry untagged = delivered(TAX, "officer-1", null, null, null, MORNING);
        LogEntry received = delivered(TAX, "officer-1", null, null, "a", MORNING);
        received = new LogEntry(received.index(), null, received.recordedAt(), LogEntryKind.RECEIVED.wireName(),
                received.node(), received.envelopeId(), received.type(), received.sender(), received.recipient(),
                received.client(), received.service(), received.header(), null, null, null, null, "verified", null,
                null, received.subjectTag());
        assertEquals(List.of(), detector.observe(untagged));
        assertEquals(List.of(), detector.observe(received));
    }

    private LogEntry delivered(String client, String userId, String issue, String purpose, String subject, Instant at) {
        SubsystemId caller = SubsystemId.parse(client);
        EnvelopeId id = EnvelopeId.random();
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.CURRENT_VERSION, id, id, EnvelopeType.REQUEST,
                caller.member(), MemberId.parse("KH/GOV/MOI"), caller, ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen"),
                at, at.plusSeconds(30), SchemaId.parse("moi.verifyCitizen.request/v1"), "00", "c29tZQ", "c29tZQ", null, null,
                new RestFields("POST", null, id.toString(), null, userId, issue, null, purpose, "c29tZQ"));
        return new LogEntry(index++, null, at, LogEntryKind.DELIVERED.wireName(), "KH/GOV/MOI", id.toString(), "request",
                caller.member().toString(), "KH/GOV/MOI", client, "KH/GOV/MOI/ID-REGISTRY/verifyCitizen",
                Digests.base64(EnvelopeCodec.encodeHeader(header)), null, null, null, null, "verified", "handed to route",
                null, subject == null ? null : "v1:" + subject);
    }
}
