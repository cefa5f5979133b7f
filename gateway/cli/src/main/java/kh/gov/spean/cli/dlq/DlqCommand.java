package kh.gov.spean.cli.dlq;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean dlq}: a member's dead letters. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List and redrive a member's dead letters (spean.dlq.INSTANCE.CLASS.MEMBER).",
        subcommands = {DlqListCommand.class, DlqRedriveCommand.class})
public final class DlqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
