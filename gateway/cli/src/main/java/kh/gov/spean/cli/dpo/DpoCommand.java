package kh.gov.spean.cli.dpo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean dpo}: the Data Protection Office's tools. */
@Command(name = "dpo", mixinStandardHelpOptions = true,
        description = "The Data Protection Office: ask every member which accesses its log recorded to one citizen.",
        subcommands = {DpoReportCommand.class})
public final class DpoCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
