package kh.gov.spean.cli.schema;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean schema}: tools for the shared schemas. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Work with the shared schemas.",
        subcommands = {SchemaCheckCommand.class})
public final class SchemaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
