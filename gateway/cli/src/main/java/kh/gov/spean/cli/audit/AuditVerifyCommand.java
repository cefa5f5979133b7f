package kh.gov.spean.cli.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            long started = System.nanoTime();
            LogVerifier.Report report = new LogVerifier(trustAnchor.load(log), !skipEnvelopeSignatures).verify(
                    new LogFiles(log), done -> System.err.println("  ... " + done + " entries verified"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (report.intact()) {
                System.out.printf("INTACT  %s (%s): %d entries, %d envelope signatures, %d checkpoints (last at %d), %d ms%n",
                        log, report.origin(), report.entries(), report.signaturesChecked(), report.checkpoints(),
                        report.lastCheckpointSize(), millis);
                if (report.entries() > report.lastCheckpointSize()) {
                    System.out.printf("        %d entries after the last checkpoint are not yet covered by one%n",
                            report.entries() - report.lastCheckpointSize());
                }
            } else {
                System.out.printf("BROKEN  %s (%s): %s%n", log, report.origin(), report.problem());
                allIntact = false;
            }
        }
        return allIntact ? 0 : 1;
    }
}
