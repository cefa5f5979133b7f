package kh.gov.spean.cli.federation;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean federation}: the federation authority's work on a running federation. */
@Command(name = "federation", mixinStandardHelpOptions = true, description = "The federation authority's tools.",
        subcommands = {FederationSignCsrCommand.class, FederationRegisterCommand.class, FederationRevokeCommand.class,
                FederationRotateKeysCommand.class})
public final class FederationCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
