package kh.gov.spean.cli.dpo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import kh.gov.spean.federation.FederationConfiguration;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.privacy.SubjectAccessCheck;
import kh.gov.spean.privacy.SubjectAccesses;

/**
 * Turns the members' replies into the citizen's {@link AccessReport}: the verified accesses, oldest first, with the
 * parties' names and the purposes' names from the federation configuration; the members that gave no verifiable answer
 * with the reason; each line's evidence written under the report's folder, and the report itself as {@code report.json}
 * (what {@code spean audit verify --report} re-checks), {@code report.html} and {@code report.pdf} (what the citizen
 * reads).
 */
public final class AccessReportAssembly {

    /** The report's machine-readable form in its folder. */
    public static final String REPORT_FILE = "report.json";

    private final Map<String, AccessReport.Party> members = new HashMap<>();
    private final Map<String, AccessReport.Purpose> purposes = new HashMap<>();

    /**
     * @param configuration the signed federation configuration's JSON, whose members name the parties and whose
     *                      {@code purposes}, when it has them, name the purposes
     */
    public AccessReportAssembly(byte[] configuration) {
        FederationConfiguration parsed = SpeanJson.fromBytes(configuration, FederationConfiguration.class);
        for (FederationConfiguration.Member member : parsed.members()) {
            members.put(member.id(), new AccessReport.Party(member.id(), member.name(), member.nameKm()));
        }
        JsonValue catalogue = SpeanJson.readObject(new String(configuration, StandardCharsets.UTF_8)).get("purposes");
        if (catalogue != null && catalogue.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue entry : catalogue.asJsonArray()) {
                if (entry instanceof JsonObject purpose && purpose.containsKey("code")) {
                    String code = purpose.getString("code");
                    purposes.put(code, new AccessReport.Purpose(code, purpose.getString("nameEn", null),
                            purpose.getString("nameKm", null), purpose.getString("legalBasis", null)));
                }
            }
        }
    }

    /** The report of {@code replies}, its evidence and {@code report.json} written into {@code folder}. */
    public AccessReport assemble(String subjectId, Instant generatedAt, List<SubjectAccessInquiry.MemberReply> replies,
                                 Path folder) throws IOException {
        Files.createDirectories(folder);
        List<AccessReport.Party> asked = new ArrayList<>();
        List<AccessReport.Unanswered> unanswered = new ArrayList<>();
        List<AccessReport.AccessLine> lines = new ArrayList<>();
        for (SubjectAccessInquiry.MemberReply reply : replies) {
            AccessReport.Party member = party(reply.member().toString());
            asked.add(member);
            if (reply.unanswered() != null) {
                unanswered.add(new AccessReport.Unanswered(member, reply.unanswered()));
            }
            for (SubjectAccessCheck.Verdict verdict : reply.verdicts()) {
                if (verdict.verified()) {
                    SubjectAccesses.Access access = verdict.access();
                    lines.add(line(member, access, ReportEvidence.write(folder, reply.member(),
                            reply.answer().checkpoint(), access)));
                }
            }
        }
        lines.sort(Comparator.comparing(AccessReport.AccessLine::time));
        AccessReport report = new AccessReport(label(subjectId), generatedAt, asked, unanswered, lines);
        Files.writeString(folder.resolve(REPORT_FILE), SpeanJson.toPrettyString(report) + "\n");
        AccessReportHtml.write(report, folder.resolve("report.html"));
        AccessReportPdf.write(report, folder.resolve("report.pdf"));
        return report;
    }

    /** How the report names the citizen without holding the id: its last four characters. */
    static String label(String subjectId) {
        String id = subjectId.strip();
        return "•••••" + id.substring(Math.max(0, id.length() - 4));
    }

    private AccessReport.AccessLine line(AccessReport.Party provider, SubjectAccesses.Access access,
                                         AccessReport.Evidence evidence) {
        SubsystemId client = SubsystemId.parse(access.client());
        return new AccessReport.AccessLine(access.time(), provider, access.service(), party(client.member().toString()),
                client.toString(), access.official(), access.issue(), purpose(access.purpose()), access.outcome(),
                evidence);
    }

    private AccessReport.Party party(String member) {
        return members.getOrDefault(member, new AccessReport.Party(member, null, null));
    }

    private AccessReport.Purpose purpose(String code) {
        return code == null ? null : purposes.getOrDefault(code, new AccessReport.Purpose(code, null, null, null));
    }

    /** The access a report line states, with the evidence read back from its files: what an auditor re-checks. */
    static SubjectAccesses.Access stated(AccessReport.AccessLine line, ReportEvidence.Read evidence) {
        return new SubjectAccesses.Access(line.time(), line.service(), line.clientSubsystem(), line.official(),
                line.issue(), line.purpose() == null ? null : line.purpose().code(), line.outcome(), evidence.request(),
                evidence.answer());
    }
}
