package kh.gov.spean.cli.federation;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.federation.FederationRevocation;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean federation revoke --data DIR --member M}: the federation authority revokes a member's certificates and
 * signs a newer configuration; running nodes adopt it within seconds and refuse what those certificates sign.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a member's certificates in a newer, signed federation configuration.")
public final class FederationRevokeCommand implements Callable<Integer> {

    @Mixin
    AuthorityMemberOptions target;

    @Option(names = "--reason", defaultValue = "keyCompromise",
            description = "The reason recorded (RFC 5280 names, e.g. keyCompromise, superseded; default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() {
        MemberId id = target.memberId();
        int revoked = new FederationRevocation(Clock.systemUTC()).revoke(target.data, id, reason);
        System.out.println("Revoked " + revoked + " certificate(s) of " + id + " (" + reason + "); the signed configuration"
                + " in " + target.data.resolve("federation") + " is newer: nodes adopt it within seconds.");
        return 0;
    }
}
