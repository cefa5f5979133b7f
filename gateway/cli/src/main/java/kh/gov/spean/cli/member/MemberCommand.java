package kh.gov.spean.cli.member;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spean member}: a member's work on its own node — its keys and their certificates, its key for blinding data subjects. */
@Command(name = "member", mixinStandardHelpOptions = true, description = "A member's tools, run on its own node.",
        subcommands = {MemberKeysCommand.class, MemberInstallCertsCommand.class,
                MemberRotateSubjectKeyCommand.class})
public final class MemberCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
