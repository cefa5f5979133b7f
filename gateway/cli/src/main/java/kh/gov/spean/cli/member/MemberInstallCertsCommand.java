package kh.gov.spean.cli.member;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberCertificates;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.federation.MemberKeyring;

/**
 * {@code spean member install-certs --data DIR --member M --certificates FOLDER}: the member installs the certificates
 * the federation authority issued for its waiting keys, which become its current keys; the keys they replace stay in
 * the keystores, so that what was sealed to them still opens (decision 0014).
 */
@Command(name = "install-certs", mixinStandardHelpOptions = true,
        description = "Install the federation authority's certificates for the keys made by 'spean member keys'.")
public final class MemberInstallCertsCommand implements Callable<Integer> {

    @Mixin
    NodeMemberOptions target;

    @Option(names = "--certificates",
            description = "The folder with signing.pem and encryption.pem from the authority (default: the member's folder).")
    Path certificates;

    @Option(names = "--ca", description = "The federation's root CA certificate, got out of band (default: DATA/federation/ca.pem).")
    Path ca;

    @Override
    public Integer call() throws IOException {
        MemberFiles files = target.files();
        MemberCertificates issued = MemberCertificates.read(certificates != null ? certificates : files.directory());
        X509Certificate anchor = ca == null ? FederationLoader.loadTrustAnchor(FederationFiles.in(target.data))
                : Pem.parseCertificate(Files.readString(ca, StandardCharsets.US_ASCII));
        new MemberKeyring(files).install(issued, anchor);
        System.out.println("Installed the certificates of " + files.member() + " in " + files.directory()
                + "; the keys they replace stay in the keystores. Ask the federation authority to register them"
                + " (spean federation register), then restart the member's node(s).");
        return 0;
    }
}
