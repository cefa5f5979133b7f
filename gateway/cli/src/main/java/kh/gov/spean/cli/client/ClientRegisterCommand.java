package kh.gov.spean.cli.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.SettingCheck;
import kh.gov.spean.node.edge.ClientRegistry;
import kh.gov.spean.node.edge.ConnectionType;

/**
 * {@code spean client register}: pins a subsystem's client certificate (PEM) at its member's node, and/or sets the
 * subsystem's connection type. A running node takes the change within a second.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a subsystem's client certificate at its node, or set its connection type.")
public final class ClientRegisterCommand implements Callable<Integer> {

    @Mixin
    SubsystemOptions target;

    @Option(names = "--cert", description = "The client certificate, PEM (the first certificate in the file is registered).")
    Path certificate;

    @Option(names = "--connection-type", description = "http, https or https-client-cert (the default for a new subsystem).")
    String connectionType;

    @Override
    public Integer call() throws Exception {
        SubsystemId subsystem = target.subsystem();
        SettingCheck.require(certificate != null || connectionType != null, "cert",
                "or --connection-type is needed: there is nothing to register");
        ClientRegistry registry = ClientRegistry.of(target.data(), subsystem.member());
        if (certificate != null) {
            SettingCheck.require(Files.isRegularFile(certificate), "cert", "cannot read " + certificate);
            X509Certificate parsed;
            try {
                parsed = Pem.parseCertificates(Files.readString(certificate)).get(0);
            } catch (RuntimeException e) {
                SettingCheck.require(false, "cert", certificate + " is not a PEM certificate");
                throw e;
            }
            registry.register(subsystem, parsed);
            System.out.println("registered for " + subsystem + ": " + parsed.getSubjectX500Principal().getName()
                    + ", SHA-256 " + Federation.fingerprint(parsed) + ", valid until " + parsed.getNotAfter().toInstant());
        }
        if (connectionType != null) {
            ConnectionType type;
            try {
                type = ConnectionType.parse(connectionType);
            } catch (IllegalArgumentException e) {
                SettingCheck.require(false, "connection-type", e.getMessage());
                throw e;
            }
            registry.setConnectionType(subsystem, type);
            System.out.println("connection type of " + subsystem + ": " + type);
        }
        System.out.println("in " + ClientRegistry.file(target.data(), subsystem.member()));
        return 0;
    }
}
