package kh.gov.spean.cli.audit;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.TerminalText;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.AuditProofs;
import kh.gov.spean.log.LogFiles;

/** {@code spean audit consistency}: the RFC 9162 proof that the log at size M extends the log at size N. */
@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = "Print the consistency proof between two sizes of a log (JSON, hex hashes).")
public final class AuditConsistencyCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, description = "The node's log folder.")
    Path log;

    @Option(names = "--from", required = true, description = "The earlier size.")
    long from;

    @Option(names = "--to", required = true, description = "The later size.")
    long to;

    @Override
    public Integer call() throws Exception {
        System.out.println(TerminalText.lines(SpeanJson.toPrettyString(AuditProofs.consistency(new LogFiles(log), from, to))));
        return 0;
    }
}
