package kh.gov.spean.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean audit}: the auditor's tools over a node's message log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify a message log, prove an entry or a log's consistency, export OpenSSL evidence, open a commitment.",
        subcommands = {AuditVerifyCommand.class, AuditProveCommand.class, AuditConsistencyCommand.class,
            AuditExportCommand.class, AuditOpenCommand.class, AuditBenchCommand.class, AuditAnomaliesCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
