package kh.gov.spean.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.federation.AuthorityFiles;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean init}: a development federation in one folder, by the steps members and the authority take apart in
 * production (decision 0030); it says loudly that each member's keystore password lies beside its keystores.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Generate a development federation: the authority's root CA, each member's keys made in its own folder"
                + " and certified from its requests, and the signed configuration.")
public final class InitCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Directory to generate into (keep it out of version control).")
    Path data;

    @Option(names = "--seed", description = "Federation seed (default: seeds/federation.json).")
    Path seed;

    @Option(names = "--schemas", description = "Shared schemas folder (default: schemas/).")
    Path schemas;

    @Override
    public Integer call() {
        List<MemberId> members = new FederationInitializer(Clock.systemUTC()).initialize(
                seed != null ? seed : SpeanHome.seed(), schemas != null ? schemas : SpeanHome.schemas(), data);
        FederationFiles files = FederationFiles.in(data);
        System.out.println("Federation configuration: " + files.configuration() + " (signed: " + files.signature() + ")");
        System.out.println("Trust anchor:             " + files.caCertificate());
        System.out.println("Authority's own keys:     " + AuthorityFiles.in(data).directory() + " (never copy it to a node)");
        for (MemberId member : members) {
            System.out.println("Member " + member + ": " + MemberFiles.in(data, member).directory()
                    + " (its node's keys only)");
        }
        System.err.println("WARNING: development layout. Each member's keystore password is written beside its keystores"
                + " (keystore.password), and the authority's beside its key. In production a member makes its keys on its"
                + " own node (spean member keys) with the password in " + MemberFiles.PASSWORD_VARIABLE
                + " or --keystore-password-file, kept apart from the keystores.");
        return 0;
    }
}
