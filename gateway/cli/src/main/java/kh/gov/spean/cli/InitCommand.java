package kh.gov.spean.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;

/** {@code spean init}: generates the development PKI and the signed federation configuration from the seed. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Generate the development federation: root CA, member keys (PKCS#12) and the signed configuration.")
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
        for (MemberId member : members) {
            System.out.println("Member " + member + ": " + MemberFiles.in(data, member).directory());
        }
        return 0;
    }
}
