package kh.gov.spean.cli.federation;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.crypto.CertificateRequest;
import kh.gov.spean.federation.FederationAuthority;
import kh.gov.spean.federation.KeyRole;
import kh.gov.spean.federation.MemberCertificateIssuer;
import kh.gov.spean.federation.MemberCertificates;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean federation sign-csr --data DIR --member M --requests FOLDER}: the federation authority issues a member's
 * certificates from its requests, each checked first (its signature, and that it names that member).
 */
@Command(name = "sign-csr", mixinStandardHelpOptions = true,
        description = "Issue a member's signing and encryption certificates from its certificate requests.")
public final class FederationSignCsrCommand implements Callable<Integer> {

    @Mixin
    AuthorityMemberOptions target;

    @Option(names = "--requests", required = true, description = "The folder with the member's signing.csr and encryption.csr.")
    Path requests;

    @Option(names = "--out", description = "Where to write signing.pem and encryption.pem for the member (default: the requests folder).")
    Path out;

    @Override
    public Integer call() {
        MemberId id = target.memberId();
        FederationAuthority authority = FederationAuthority.load(target.data);
        MemberCertificates issued = new MemberCertificateIssuer(authority.ca()).issue(id,
                CertificateRequest.read(requests.resolve(KeyRole.SIGNING.requestFile())),
                CertificateRequest.read(requests.resolve(KeyRole.ENCRYPTION.requestFile())));
        Path folder = out != null ? out : requests;
        issued.write(folder, authority.ca().certificate());
        System.out.println("Issued the certificates of " + id + " into " + folder + ": send them to the member"
                + " (spean member install-certs), then register them (spean federation register).");
        return 0;
    }
}
