package kh.gov.spean.cli.client;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.edge.EdgeFiles;
import kh.gov.spean.node.edge.TlsCredential;

/**
 * {@code spean client issue}: for development, makes a subsystem a key and a self-signed client certificate, and
 * registers the certificate at its node. In production the ministry's system makes its own key and the operator
 * registers its certificate with {@code spean client register}.
 */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "DEVELOPMENT: make a subsystem a client key and self-signed certificate, and register it.")
public final class ClientIssueCommand implements Callable<Integer> {

    @Mixin
    SubsystemOptions target;

    @Override
    public Integer call() {
        SubsystemId subsystem = target.subsystem();
        TlsCredential credential = DevelopmentClients.issue(target.data(), subsystem, Clock.systemUTC());
        EdgeFiles files = EdgeFiles.in(target.data(), subsystem.member());
        System.out.println("client certificate of " + subsystem + " (SHA-256 " + credential.fingerprint() + ", valid until "
                + credential.certificate().getNotAfter().toInstant() + ")");
        System.out.println("  --cert   " + files.clientCertificate(subsystem).toAbsolutePath());
        System.out.println("  --key    " + files.clientKey(subsystem).toAbsolutePath());
        System.out.println("  --cacert " + files.serverCertificate().toAbsolutePath()
                + "  (the node's own TLS certificate, made at its first start)");
        return 0;
    }
}
