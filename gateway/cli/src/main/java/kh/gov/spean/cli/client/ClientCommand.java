package kh.gov.spean.cli.client;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean client}: the local subsystems' client certificates and connection types at a member's node. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Register the client certificates of this member's subsystems at its node.",
        subcommands = {ClientRegisterCommand.class, ClientIssueCommand.class, ClientListCommand.class})
public final class ClientCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
