package kh.gov.spean.cli.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.TerminalText;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.log.CommitmentCheck;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.node.SettingCheck;

/**
 * {@code spean audit open}: does a payload a ministry kept, with its salt, open the commitment the envelope signed?
 * And, for an X-Road REST request, does the path and query it kept open the header's commitment to the request target?
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Check that a kept payload and salt, and a REST request's path and query, are exactly what an"
                + " envelope's signed header committed to.")
public final class AuditOpenCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, description = "The node's log folder.")
    Path log;

    @Option(names = "--envelope", required = true, description = "The envelope id.")
    String envelope;

    @Option(names = "--payload", required = true, description = "The payload file, byte for byte as it was sent.")
    Path payload;

    @Option(names = "--salt", required = true, description = "The commitment's salt, hex (64 digits).")
    String salt;

    @Option(names = "--target", paramLabel = "PATH?QUERY", description = "A REST request's path and query after the"
            + " service id, exactly as sent (e.g. '/titles/PP-0123-04567?fields=parcel'; '' for none).")
    String target;

    @Override
    public Integer call() throws Exception {
        SettingCheck.require(salt.matches("[0-9a-fA-F]{64}"), "salt", "must be 64 hex digits, as `spean send` printed it");
        CommitmentCheck.Result result = CommitmentCheck.check(new LogFiles(log), envelope, Files.readAllBytes(payload),
                HexFormat.of().parseHex(salt), target);
        if (result.opens()) {
            System.out.printf("OPENS   this payload is exactly the one %s sent to %s in envelope %s at %s%n",
                    TerminalText.line(result.header().sender()), TerminalText.line(result.header().recipient()),
                    TerminalText.line(envelope), result.header().issuedAt());
        } else {
            System.out.printf("DIFFERS this payload or salt is not what envelope %s committed to%n", TerminalText.line(envelope));
        }
        RestFields rest = result.header().rest();
        if (rest != null && rest.method() != null) {
            System.out.printf("        declared in the signed header: official %s, purpose %s, issue %s%n",
                    declared(rest.userId()), declared(rest.purpose()), declared(rest.issue()));
        }
        String method = rest == null ? "" : rest.method() + " ";
        boolean targetHolds = switch (result.target()) {
            case OPENS -> {
                System.out.printf("OPENS   the request target is exactly %s%s%n", method, TerminalText.line(target));
                yield true;
            }
            case DIFFERS -> {
                System.out.printf("DIFFERS the request target %s is not the path and query envelope %s committed to%n",
                        TerminalText.line(target), TerminalText.line(envelope));
                yield false;
            }
            case NOT_GIVEN -> {
                System.out.printf("        the envelope also commits to the %srequest's path and query: not checked"
                        + " (give --target)%n", method);
                yield true;
            }
            case NONE_COMMITTED -> {
                if (target != null) {
                    System.out.printf("DIFFERS envelope %s commits to no request target (not a REST request)%n",
                            TerminalText.line(envelope));
                }
                yield target == null;
            }
        };
        return result.opens() && targetHolds ? 0 : 1;
    }

    private static String declared(String value) {
        return value == null ? "(none)" : TerminalText.line(value);
    }
}
