package kh.gov.spean.cli.federation;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationKeyRotation;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean federation rotate-keys --data DIR --member M}: a member's key rotation, the member's part and the
 * authority's together (as {@code spean init} does both); running nodes adopt the newer configuration within seconds,
 * and nothing in flight is lost (decision 0014).
 */
@Command(name = "rotate-keys", mixinStandardHelpOptions = true,
        description = "Give a member new signing and encryption keys; what was signed or sealed with the old ones still passes.")
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
