package kh.gov.spean.cli.federation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.FederationRevocation;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean federation revoke --data DIR --member M}: the federation authority revokes a member's certificates and
 * signs a newer configuration; running nodes adopt it within seconds and refuse what those certificates sign.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a member's certificates in a newer, signed federation configuration.")
public final class FederationRevokeCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "The federation authority's data directory (spean init).")
    Path data;

    @Option(names = "--member", required = true, description = "The member whose certificates are revoked, e.g. KH/GOV/MEF.")
    String member;

    @Option(names = "--reason", defaultValue = "keyCompromise",
            description = "The reason recorded (RFC 5280 names, e.g. keyCompromise, superseded; default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() {
        MemberId id;
        try {
            id = MemberId.parse(member);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting 'member' " + e.getMessage());
        }
        int revoked = new FederationRevocation(Clock.systemUTC()).revoke(data, id, reason);
        System.out.println("Revoked " + revoked + " certificate(s) of " + id + " (" + reason + "); the signed configuration"
                + " in " + data.resolve("federation") + " is newer: nodes adopt it within seconds.");
        return 0;
    }
}
