package kh.gov.spean.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import kh.gov.spean.cli.audit.AuditCommand;
import kh.gov.spean.cli.bench.BenchCommand;
import kh.gov.spean.cli.connector.ConnectorCommand;
import kh.gov.spean.cli.demo.DemoCommand;
import kh.gov.spean.cli.dlq.DlqCommand;
import kh.gov.spean.cli.federation.FederationCommand;
import kh.gov.spean.cli.schema.SchemaCommand;

/** The {@code spean} command: one entry point, one sub-command per job. */
@Command(name = "spean", mixinStandardHelpOptions = true, version = "spean 0.1.0",
        description = "Spean: the inter-ministerial data exchange gateway.",
        subcommands = {InitCommand.class, DemoCommand.class, GatewayCommand.class, KafkaCommand.class, SendCommand.class,
                AuditCommand.class, SchemaCommand.class, ConnectorCommand.class, BenchCommand.class, DlqCommand.class,
                FederationCommand.class})
public final class SpeanCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; coded failures print one line, never a stack trace. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SpeanCommand());
        commandLine.setExecutionExceptionHandler(new CodedFailureHandler());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
