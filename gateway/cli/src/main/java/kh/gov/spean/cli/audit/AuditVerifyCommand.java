package kh.gov.spean.cli.audit;

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
        description = "Recompute a message log: entries, envelope signatures, the Merkle tree, checkpoints and timestamps.")
public final class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, description = "A node's log folder (DATA/MEMBER/log); repeat for several.")
    List<Path> logs;

    @Option(names = "--skip-envelope-signatures", description = "Check the tree and checkpoints only, not each envelope's signature.")
    boolean skipEnvelopeSignatures;

    @Mixin
    TrustAnchorOption trustAnchor = new TrustAnchorOption();

    @Override
    public Integer call() throws Exception {
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
