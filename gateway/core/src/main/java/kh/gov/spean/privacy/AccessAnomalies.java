package kh.gov.spean.privacy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogReader;

/**
 * Finds unusual accesses per official in a provider's message log (decision 0059), from its delivered entries that
 * name a data subject (they carry a subject tag): an official is the client's member and the {@code X-Road-UserId}
 * its node signed; their distinct subjects per UTC day over a threshold, an access without an issue number, and a
 * purpose they have not declared before once they have enough history. Fed entries in log order; not thread-safe.
 */
public final class AccessAnomalies {

    /** No {@code X-Road-UserId}: the accesses of a member's unnamed officials are counted together. */
    public static final String UNNAMED = "-";

    private record Official(String member, String userId) {
    }

    private record Day(Official official, LocalDate day) {
    }

    private final AnomalyThresholds thresholds;
    private final Map<Day, Set<String>> subjects = new HashMap<>();
    private final Map<Official, Map<String, Integer>> purposes = new HashMap<>();
    private LocalDate today;

    public AccessAnomalies(AnomalyThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Every anomaly in the log in {@code files}, in log order. */
    public static List<AccessAnomaly> inLog(LogFiles files, AnomalyThresholds thresholds) throws IOException {
        AccessAnomalies detector = new AccessAnomalies(thresholds);
        List<AccessAnomaly> found = new ArrayList<>();
        LogReader.forEach(files, stored -> found.addAll(detector.observe(stored.entry())));
        return found;
    }

    /** The anomalies {@code entry} raises; none for an entry that is not the delivery of an access to a subject. */
    public List<AccessAnomaly> observe(LogEntry entry) {
        if (!LogEntryKind.DELIVERED.wireName().equals(entry.kind()) || entry.subjectTag() == null
                || entry.header() == null) {
            return List.of();
        }
        EnvelopeHeader header = EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header()));
        RestFields rest = header.rest();
        String userId = rest == null || blank(rest.userId()) ? UNNAMED : rest.userId();
        Official official = new Official(header.client().member().toString(), userId);
        List<AccessAnomaly> found = new ArrayList<>();

        LocalDate day = entry.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        if (!day.equals(today)) {
            // Entries come in log order: the days before are over, and their counts can go.
            subjects.keySet().removeIf(counted -> counted.day().isBefore(day));
            today = day;
        }
        Set<String> seen = subjects.computeIfAbsent(new Day(official, day), ignored -> new HashSet<>());
        if (seen.add(entry.subjectTag()) && seen.size() == thresholds.subjectsPerDay() + 1) {
            found.add(anomaly(entry, AccessAnomaly.Kind.SUBJECTS_PER_DAY, official, "more than "
                    + thresholds.subjectsPerDay() + " distinct data subjects on " + day + " (UTC)"));
        }
        if (rest == null || blank(rest.issue())) {
            found.add(anomaly(entry, AccessAnomaly.Kind.NO_ISSUE, official, "no X-Road-Issue"));
        }
        if (rest != null && !blank(rest.purpose())) {
            Map<String, Integer> declared = purposes.computeIfAbsent(official, ignored -> new HashMap<>());
            int history = declared.values().stream().mapToInt(Integer::intValue).sum();
            if (history >= thresholds.purposeHistory() && !declared.containsKey(rest.purpose())) {
                found.add(anomaly(entry, AccessAnomaly.Kind.UNUSUAL_PURPOSE, official, "purpose " + rest.purpose()
                        + " after " + history + " accesses with " + String.join(", ", declared.keySet().stream().sorted().toList())));
            }
            declared.merge(rest.purpose(), 1, Integer::sum);
        }
        return found;
    }

    private static AccessAnomaly anomaly(LogEntry entry, AccessAnomaly.Kind kind, Official official, String detail) {
        return new AccessAnomaly(entry.index(), entry.recordedAt(), kind, official.member(), official.userId(),
                entry.service(), entry.envelopeId(), detail);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
