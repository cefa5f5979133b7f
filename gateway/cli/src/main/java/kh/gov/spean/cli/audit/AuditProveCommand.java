package kh.gov.spean.cli.audit;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.TerminalText;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.AuditProofs;
import kh.gov.spean.log.LogFiles;

/** {@code spean audit prove}: an envelope's entry, its RFC 9162 inclusion proof and the checkpoint it is proved against. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Print an envelope's log entry with its inclusion proof against the latest checkpoint (JSON, hex hashes).")
public final class AuditProveCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, description = "The node's log folder.")
    Path log;

    @Option(names = "--envelope", required = true, description = "The envelope id (X-Road-Id).")
    String envelope;

    @Override
    public Integer call() throws Exception {
        System.out.println(TerminalText.lines(SpeanJson.toPrettyString(AuditProofs.inclusion(new LogFiles(log), envelope))));
        return 0;
    }
}
