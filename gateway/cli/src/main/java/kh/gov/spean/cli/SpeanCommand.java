package kh.gov.spean.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import kh.gov.spean.cli.audit.AuditCommand;
import kh.gov.spean.cli.bench.BenchCommand;
import kh.gov.spean.cli.client.ClientCommand;
import kh.gov.spean.cli.connector.ConnectorCommand;
import kh.gov.spean.cli.demo.DemoCommand;
import kh.gov.spean.cli.dpo.DpoCommand;
import kh.gov.spean.cli.dlq.DlqCommand;
import kh.gov.spean.cli.federation.FederationCommand;
import kh.gov.spean.cli.member.MemberCommand;
import kh.gov.spean.cli.management.ManagementCommand;
import kh.gov.spean.cli.schema.SchemaCommand;

/** The {@code spean} command: one entry point, one sub-command per job. */
@Command(name = "spean", mixinStandardHelpOptions = true, version = "spean 0.1.0",
        description = "Spean: the inter-ministerial data exchange gateway.")
public final class SpeanCommand implements Runnable {

    /** The sub-commands by name, in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(InitCommand.class, DemoCommand.class,
            GatewayCommand.class, KafkaCommand.class, SendCommand.class, AuditCommand.class, SchemaCommand.class,
            ConnectorCommand.class, BenchCommand.class, DlqCommand.class, FederationCommand.class, MemberCommand.class,
            TimestampAuthorityCommand.class, ClientCommand.class, ManagementCommand.class, DpoCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; coded failures print one line, never a stack trace. */
    public static int execute(String... args) {
        CommandLine commandLine = forArguments(args);
        commandLine.setExecutionExceptionHandler(new CodedFailureHandler());
        return commandLine.execute(args);
    }

    /**
     * The command line for these arguments. Picocli reads every option of every sub-command it is given, which takes
     * a third of a second as a node starts: a call that names its sub-command gets only that one; any other (help, a
     * mistyped name) gets them all, so that help lists them and a near miss is suggested.
     */
    public static CommandLine forArguments(String... args) {
        CommandLine commandLine = new CommandLine(new SpeanCommand());
        Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(named);
        } else {
            SUBCOMMANDS.values().forEach(commandLine::addSubcommand);
        }
        // After the sub-commands: picocli registers a converter on those added so far.
        commandLine.registerConverter(Path.class, SpeanCommand::path);
        return commandLine;
    }

    /** An empty path would mean the working folder, where no command should write unasked: a usage error. */
    private static Path path(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("an empty path names no file or folder");
        }
        return Path.of(value);
    }

    private static Map<String, Class<?>> subcommands(Class<?>... types) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : types) {
            byName.put(type.getAnnotation(Command.class).name(), type);
        }
        return byName;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
