package kh.gov.spean.cli.connector;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean connector}: tools for a ministry's connector. */
@Command(name = "connector", mixinStandardHelpOptions = true, description = "Work with a ministry's connector.",
        subcommands = {ConnectorTestCommand.class, ConnectorNewCommand.class})
public final class ConnectorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
