package kh.gov.spean.cli.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.TerminalText;
import kh.gov.spean.log.CommitmentCheck;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.node.SettingCheck;

/** {@code spean audit open}: does a payload a ministry kept, with its salt, open the commitment the envelope signed? */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Check that a kept payload and salt are exactly what an envelope's signed header committed to.")
public final class AuditOpenCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, description = "The node's log folder.")
    Path log;

    @Option(names = "--envelope", required = true, description = "The envelope id.")
    String envelope;

    @Option(names = "--payload", required = true, description = "The payload file, byte for byte as it was sent.")
    Path payload;

    @Option(names = "--salt", required = true, description = "The commitment's salt, hex (64 digits).")
    String salt;

    @Override
    public Integer call() throws Exception {
        SettingCheck.require(salt.matches("[0-9a-fA-F]{64}"), "salt", "must be 64 hex digits, as `spean send` printed it");
        CommitmentCheck.Result result = CommitmentCheck.check(new LogFiles(log), envelope, Files.readAllBytes(payload),
                HexFormat.of().parseHex(salt));
        if (result.opens()) {
            System.out.printf("OPENS   this payload is exactly the one %s sent to %s in envelope %s at %s%n",
                    TerminalText.line(result.header().sender()), TerminalText.line(result.header().recipient()),
                    TerminalText.line(envelope), result.header().issuedAt());
            return 0;
        }
        System.out.printf("DIFFERS this payload or salt is not what envelope %s committed to%n", TerminalText.line(envelope));
        return 1;
    }
}
