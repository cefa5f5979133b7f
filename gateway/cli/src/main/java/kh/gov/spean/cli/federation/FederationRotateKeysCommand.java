package kh.gov.spean.cli.federation;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationKeyRotation;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean federation rotate-keys --data DIR --member M}: a member's key rotation in a development folder that holds
 * the member's keys and the authority's (as {@code spean init} makes), by the steps a member and the authority take
 * apart in production ({@code member keys}, {@code federation sign-csr}, {@code member install-certs},
 * {@code federation register}); running nodes adopt the newer configuration within seconds, and nothing in flight is
 * lost (decision 0014).
 */
@Command(name = "rotate-keys", mixinStandardHelpOptions = true,
        description = "Development: give a member new keys, its steps and the authority's in one; what was signed or sealed with the old ones still passes.")
public final class FederationRotateKeysCommand implements Callable<Integer> {

    @Mixin
    AuthorityMemberOptions target;

    @Override
    public Integer call() {
        MemberId id = target.memberId();
        FederationKeyRotation.Rotated rotated = new FederationKeyRotation(Clock.systemUTC()).rotate(target.data, id);
        System.out.println("Rotated the keys of " + id + ": signing certificate "
                + Federation.fingerprint(rotated.signingCertificate()) + ", encryption certificate "
                + Federation.fingerprint(rotated.encryptionCertificate()) + ". The previous signing certificate "
                + Federation.fingerprint(rotated.previousSigningCertificate()) + " stays accepted until the next rotation;"
                + " the previous encryption key stays in the keystore. Nodes adopt the configuration in "
                + target.data.resolve("federation") + " within seconds; restart the member's node(s) to sign with the new key.");
        return 0;
    }
}
