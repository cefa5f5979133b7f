package kh.gov.spean.cli.audit;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.files.FolderTree;
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
        boolean existed = Files.exists(out);
        if (existed && !isEmptyFolder(out)) {
            // Evidence mixed into other files, or into an older export, is not evidence of this log.
            throw new FileSystemException(out.toString(), null, "is not an empty folder: export into a new one");
        }
        X509Certificate anchor = trustAnchor.load(log);
        EvidenceExporter.Export export;
        try {
            export = EvidenceExporter.export(new LogFiles(log), anchor, out);
        } catch (Exception e) {
            // Half an export is no evidence: nothing of it is left behind.
            FolderTree.delete(out);
            if (existed) {
                Files.createDirectories(out);
            }
            throw e;
        }
        System.out.printf("%d checkpoints, %d envelopes, %d certificates written to %s; check them with: (cd %s && sh verify.sh)%n",
                export.checkpoints(), export.envelopes(), export.certificates(), out, out);
        return 0;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
