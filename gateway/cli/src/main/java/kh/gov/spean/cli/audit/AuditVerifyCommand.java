package kh.gov.spean.cli.audit;

import kh.gov.spean.cli.dpo.AccessReport;
import kh.gov.spean.cli.dpo.AccessReportCheck;
import kh.gov.spean.cli.dpo.DpoReportCommand;
import kh.gov.spean.node.SettingCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.TerminalText;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogVerifier;

/** {@code spean audit verify}: recomputes one or more logs end to end; exit 0 when all are intact. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute a message log: entries, envelope signatures, the Merkle tree, checkpoints and timestamps;"
                + " or re-check every line of a citizen's access report from its evidence (--report).")
public final class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--log", description = "A node's log folder (DATA/MEMBER/log); repeat for several.")
    List<Path> logs = List.of();

    @Option(names = "--report", description = "A citizen's access report folder (spean dpo report --out): re-check each"
            + " line's evidence, offline, against the federation CA given with --ca.")
    Path report;

    @Option(names = "--skip-envelope-signatures", description = "Check the tree and checkpoints only, not each envelope's signature.")
    boolean skipEnvelopeSignatures;

    @Mixin
    TrustAnchorOption trustAnchor = new TrustAnchorOption();

    @Override
    public Integer call() throws Exception {
        SettingCheck.require(logs.isEmpty() != (report == null), "log", "or --report: give one of them");
        if (report != null) {
            return verifyReport();
        }
        boolean allIntact = true;
        for (Path log : logs) {
            requireLogFolder(log);
        }
        for (Path log : logs) {
            long started = System.nanoTime();
            LogVerifier.Report report = new LogVerifier(trustAnchor.load(log), !skipEnvelopeSignatures).verify(
                    new LogFiles(log), done -> System.err.println("  ... " + done + " entries verified"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (report.intact()) {
                System.out.printf("INTACT  %s (%s): %d entries, %d envelope signatures, %d checkpoints (last at %d), %d ms%n",
                        log, TerminalText.line(report.origin()), report.entries(), report.signaturesChecked(), report.checkpoints(),
                        report.lastCheckpointSize(), millis);
                if (report.refusals() >= 0) {
                    System.out.printf("        %d messages refused (entries that count several add their count)%n",
                            report.refusals());
                }
                if (report.entries() > report.lastCheckpointSize()) {
                    System.out.printf("        %d entries after the last checkpoint are not yet covered by one%n",
                            report.entries() - report.lastCheckpointSize());
                }
            } else {
                System.out.printf("BROKEN  %s%s: %s%n", log, report.origin() == null ? "" : " (" + TerminalText.line(report.origin()) + ")",
                        TerminalText.line(report.problem()));
                allIntact = false;
            }
        }
        return allIntact ? 0 : 1;
    }

    /** Prints one line per access of the report, OK or FAILED with the reason; exit 0 when every line holds. */
    private int verifyReport() throws IOException {
        AccessReportCheck check = new AccessReportCheck(trustAnchor.loadForReport(report));
        AccessReport read = AccessReportCheck.read(report);
        List<AccessReportCheck.LineVerdict> verdicts = check.check(report, read);
        for (AccessReportCheck.LineVerdict verdict : verdicts) {
            System.out.println((verdict.verified() ? "OK      " : "FAILED  ") + TerminalText.line(
                    DpoReportCommand.summary(verdict.line())) + (verdict.verified() ? ""
                    : "\n        " + TerminalText.line(verdict.problem())));
        }
        read.unanswered().forEach(member -> System.out.println("UNANSWERED  " + member.member().id() + ": "
                + TerminalText.line(member.reason())));
        long failed = verdicts.stream().filter(verdict -> !verdict.verified()).count();
        System.out.printf("%d of %d lines verified%s%n", verdicts.size() - failed, verdicts.size(),
                read.unanswered().isEmpty() ? "" : "; " + read.unanswered().size() + " members unanswered");
        return failed == 0 ? 0 : 1;
    }

    /**
     * A mistyped path is the auditor's slip, not a broken log: a folder that is not there, a file, or one that holds
     * neither entries nor an origin is refused before any verdict.
     */
    static void requireLogFolder(Path log) throws IOException {
        if (!Files.exists(log)) {
            throw new NoSuchFileException(log.toString());
        }
        if (!Files.isDirectory(log)) {
            throw new NotDirectoryException(log.toString());
        }
        LogFiles files = new LogFiles(log);
        if (!Files.exists(files.entries()) && !Files.exists(files.origin())) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, log + " holds no message log (no "
                    + files.entries().getFileName() + ", no " + files.origin().getFileName()
                    + "): a node's log folder is DATA/MEMBER/log");
        }
    }
}
