package kh.gov.spean.cli.client;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.SettingCheck;
import kh.gov.spean.node.edge.ClientRegistry;

/** {@code spean client list}: the subsystems registered at a member's node, their connection types and certificates. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered client certificates of a member's node.")
public final class ClientListCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "The node's data directory (spean init).")
    Path data;

    @Option(names = "--member", required = true, description = "The member, e.g. KH/GOV/MEF.")
    String member;

    @Override
    public Integer call() {
        MemberId id;
        try {
            id = MemberId.parse(member);
        } catch (IllegalArgumentException e) {
            SettingCheck.require(false, "member", e.getMessage());
            throw e;
        }
        for (ClientRegistry.Entry entry : ClientRegistry.of(data, id).read().subsystems()) {
            System.out.println(entry.subsystem() + "  " + entry.connectionType());
            entry.certificates().forEach(certificate -> System.out.println("    " + certificate.sha256() + "  "
                    + certificate.subject() + "  until " + certificate.notAfter()));
        }
        return 0;
    }
}
