package kh.gov.spean.cli.management;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean management user}: the users of a node's management port. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add management users.",
        subcommands = ManagementUserAddCommand.class)
public final class ManagementUserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
