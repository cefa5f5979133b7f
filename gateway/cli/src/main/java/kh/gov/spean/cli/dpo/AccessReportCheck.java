package kh.gov.spean.cli.dpo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.bind.JsonbException;

import kh.gov.spean.privacy.SubjectAccessCheck;
import kh.gov.spean.privacy.SubjectAccesses;

/**
 * An auditor's re-check of a report folder, offline: for every line, its evidence files read back and checked as the
 * office checked the member's answer — the checkpoint's timestamp and signature, each entry's inclusion proof and
 * signature — and the line's stated facts held against what the signed entries say.
 */
public final class AccessReportCheck {

    /** One line and what its check found: null when it holds. */
    public record LineVerdict(AccessReport.AccessLine line, String problem) {

        public boolean verified() {
            return problem == null;
        }
    }

    private final SubjectAccessCheck check;

    public AccessReportCheck(X509Certificate trustAnchor) {
        this.check = new SubjectAccessCheck(trustAnchor, SubjectAccessCheck.Signers.byCertificateName());
    }

    /** The report in {@code folder}; IOException when it holds none that reads. */
    public static AccessReport read(Path folder) throws IOException {
        try {
            return kh.gov.spean.json.SpeanJson.fromBytes(
                    Files.readAllBytes(folder.resolve(AccessReportAssembly.REPORT_FILE)), AccessReport.class);
        } catch (JsonbException e) {
            throw new IOException(folder.resolve(AccessReportAssembly.REPORT_FILE) + " is not a report: " + e.getMessage(), e);
        }
    }

    /** Every line of the report in {@code folder}, checked. */
    public List<LineVerdict> check(Path folder, AccessReport report) {
        List<LineVerdict> verdicts = new ArrayList<>();
        for (AccessReport.AccessLine line : report.lines()) {
            verdicts.add(new LineVerdict(line, problem(folder, line)));
        }
        return verdicts;
    }

    private String problem(Path folder, AccessReport.AccessLine line) {
        try {
            ReportEvidence.Read evidence = ReportEvidence.read(folder, line.evidence());
            String member = line.provider().id();
            SubjectAccessCheck.CheckedCheckpoint checkpoint = check.checkpoint(member, evidence.checkpoint());
            SubjectAccesses.Access stated = AccessReportAssembly.stated(line, evidence);
            return check.accesses(member, checkpoint, List.of(stated)).get(0).problem();
        } catch (SubjectAccessCheck.EvidenceFailure e) {
            return e.getMessage();
        } catch (IOException | JsonbException | IllegalArgumentException | NullPointerException e) {
            return "its evidence does not read: " + e.getMessage();
        }
    }
}
