package kh.gov.spean.cli.audit;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.log.EvidenceExporter;
import kh.gov.spean.log.LogFiles;

/** {@code spean audit export}: evidence that OpenSSL alone verifies, with a script of the commands. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write checkpoints, envelope signatures and certificates that OpenSSL 3 alone verifies.")
public final class AuditExportCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, description = "The node's log folder.")
    Path log;

    @Option(names = "--out", required = true, description = "The folder to write the evidence into.")
    Path out;

    @Mixin
    TrustAnchorOption trustAnchor = new TrustAnchorOption();

    @Override
    public Integer call() throws Exception {
        EvidenceExporter.Export export = EvidenceExporter.export(new LogFiles(log), trustAnchor.load(log), out);
        System.out.printf("%d checkpoints, %d envelopes, %d certificates written to %s; check them with: (cd %s && sh verify.sh)%n",
                export.checkpoints(), export.envelopes(), export.certificates(), out, out);
        return 0;
    }
}
