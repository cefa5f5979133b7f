package kh.gov.spean.cli.federation;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationRegistration;
import kh.gov.spean.federation.MemberCertificates;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean federation register --data DIR --member M --certificates FOLDER}: the federation authority signs a newer
 * configuration naming the member's certificates — a member joining (from the seed, with its services and access
 * rights) or one whose keys were renewed (its replaced signing certificate stays accepted as previous).
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Name a member's installed certificates in a newer signed configuration: a member joining, or new keys.")
public final class FederationRegisterCommand implements Callable<Integer> {

    @Mixin
    AuthorityMemberOptions target;

    @Option(names = "--certificates", required = true,
            description = "The folder with the member's signing.pem and encryption.pem (from sign-csr).")
    Path certificates;

    @Option(names = "--seed", description = "Federation seed, read for a member joining (default: seeds/federation.json).")
    Path seed;

    @Option(names = "--schemas", description = "Shared schemas folder, read for a member joining (default: schemas/).")
    Path schemas;

    @Override
    public Integer call() {
        MemberId id = target.memberId();
        Optional<X509Certificate> replaced = new FederationRegistration(Clock.systemUTC()).register(target.data, id,
                MemberCertificates.read(certificates), seed != null ? seed : SpeanHome.seed(),
                schemas != null ? schemas : SpeanHome.schemas());
        System.out.println(replaced.map(previous -> "Renewed the certificates of " + id + "; its previous signing"
                + " certificate " + Federation.fingerprint(previous) + " stays accepted until the next renewal.")
                .orElse("Registered " + id + " with its services and access rights from the seed.")
                + " Nodes adopt the configuration in " + target.data.resolve("federation") + " within seconds.");
        return 0;
    }
}
