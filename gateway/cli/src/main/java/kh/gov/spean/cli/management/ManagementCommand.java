package kh.gov.spean.cli.management;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean management}: who may use a node's management port. */
@Command(name = "management", mixinStandardHelpOptions = true,
        description = "Manage the users of a node's management port (audit page, metrics, monitoring, health).",
        subcommands = ManagementUserCommand.class)
public final class ManagementCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
