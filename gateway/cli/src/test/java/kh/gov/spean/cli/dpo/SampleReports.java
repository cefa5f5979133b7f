package kh.gov.spean.cli.dpo;

import java.time.Instant;
import java.util.List;

import kh.gov.spean.cli.dpo.AccessReport.AccessLine;
import kh.gov.spean.cli.dpo.AccessReport.Evidence;
import kh.gov.spean.cli.dpo.AccessReport.Party;
import kh.gov.spean.cli.dpo.AccessReport.Purpose;
import kh.gov.spean.cli.dpo.AccessReport.Unanswered;

/** Reports to render in tests: the demo's kind of accesses, one with hostile values, and an empty one. */
final class SampleReports {

    static final Party INTERIOR = new Party("KH/GOV/MOI", "Ministry of Interior", "ក្រសួងមហាផ្ទៃ");
    static final Party ECONOMY = new Party("KH/GOV/MEF", "Ministry of Economy and Finance", "ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ");
    static final Party LAND = new Party("KH/GOV/MLMUPC", "Ministry of Land Management",
            "ក្រសួងរៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់");
    static final Party POSTS = new Party("KH/GOV/MPTC", "Ministry of Posts and Telecommunications",
            "ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍");
    static final Purpose BUSINESS_REGISTRATION = new Purpose("BUSINESS_REGISTRATION", "Registering a business",
            "ការចុះបញ្ជីអាជីវកម្ម", "Law on Commercial Enterprises, art. 10");
    static final Purpose LAND_TITLE_CHECK = new Purpose("LAND_TITLE_CHECK", "Checking a land title",
            "ការពិនិត្យប័ណ្ណកម្មសិទ្ធិដីធ្លី", "Land Law 2001, art. 226");
    static final Instant GENERATED = Instant.parse("2026-12-07T08:30:00Z");

    private SampleReports() {
    }

    static AccessLine line(Instant time, Party provider, String service, Party client, String subsystem, String official,
                           String issue, Purpose purpose, String outcome, long index) {
        String folder = "evidence/" + provider.id().replace('/', '.') + "/" + index;
        return new AccessLine(time, provider, service, client, subsystem, official, issue, purpose, outcome,
                new Evidence(index, index + 10, List.of(folder + "/entry.json", folder + "/proof.json",
                        folder + "/checkpoint.txt", folder + "/checkpoint.p7s", folder + "/checkpoint.tsr")));
    }

    /** Three accesses, one member that did not answer. */
    static AccessReport demo() {
        return new AccessReport("•••••••5678", GENERATED, List.of(INTERIOR, ECONOMY, LAND, POSTS),
                List.of(new Unanswered(POSTS, "server.timeout: no answer within 30 s")),
                List.of(line(Instant.parse("2026-12-07T02:15:04Z"), INTERIOR, "KH/GOV/MOI/ID-REGISTRY/verifyCitizen",
                                ECONOMY, "BUSINESS-REGISTRY", "officer.sokha", "CASE-2026-0042", BUSINESS_REGISTRATION,
                                "answered 200", 41),
                        line(Instant.parse("2026-12-07T03:40:10Z"), LAND, "KH/GOV/MLMUPC/LAND-REGISTRY/landTitles",
                                INTERIOR, "ANTI-SCAM", "officer.dara", null, LAND_TITLE_CHECK,
                                "client.purpose_not_granted", 7),
                        line(Instant.parse("2026-12-07T17:05:59Z"), INTERIOR, "KH/GOV/MOI/ID-REGISTRY/verifyCitizen",
                                LAND, "LAND-REGISTRY", "officer.vanna", "LT-2026-118", LAND_TITLE_CHECK,
                                "answered 200", 58)));
    }

    /** Every value a member or an official could choose, made hostile. */
    static AccessReport hostile() {
        Party evil = new Party("KH/GOV/<script>alert(1)</script>", "Evil & \"Co\" <b>", "<img src=x onerror=alert(2)>");
        Purpose purpose = new Purpose("<CODE>", "Purpose \"quoted\" & 'single'", "<i>km</i>", "</td><script>x()</script>");
        AccessLine line = new AccessLine(Instant.parse("2026-12-07T02:15:04Z"), evil, "svc\"><script>s()</script>",
                evil, "SUB<&>", "\"><svg onload=alert(3)>", "#&<>", purpose, "<blink>answered</blink>",
                new Evidence(1, 2, List.of("javascript:alert(4)", "/etc/passwd", "../outside.json",
                        "evidence/a b\"<c>.json")));
        return new AccessReport("<u>5678</u>", GENERATED, List.of(evil), List.of(new Unanswered(evil, "<script>r()</script>")),
                List.of(line));
    }

    /** What a node may leave out (no official, purpose, outcome or evidence; no names), and letters beyond Khmer and ASCII. */
    static AccessReport sparse() {
        Party unnamed = new Party("KH/GOV/NEW", null, null);
        AccessLine line = new AccessLine(Instant.parse("2026-12-07T02:15:04Z"), unnamed, "KH/GOV/NEW/Жук/évaluation±😀",
                unnamed, "SUB", null, null, null, null, null);
        return new AccessReport("•••••••5678", GENERATED, List.of(unnamed), List.of(new Unanswered(unnamed, null)),
                List.of(line));
    }

    /** Asked everyone, found nothing. */
    static AccessReport empty() {
        return new AccessReport("•••••••5678", GENERATED, List.of(INTERIOR, ECONOMY, LAND, POSTS), List.of(), List.of());
    }
}
