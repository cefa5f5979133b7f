package kh.gov.spean.federation;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;

import kh.gov.spean.crypto.CertificateRequest;
import kh.gov.spean.id.MemberId;

/**
 * A member's key rotation in a development folder that holds both the member's and the authority's (one made by
 * {@code spean init}): the steps a member and the authority take apart in production ({@code spean member keys},
 * {@code spean federation sign-csr}, {@code spean member install-certs}, {@code spean federation register}), in order:
 * <ol>
 *   <li>the member makes new key pairs on its node and requests certificates for them;</li>
 *   <li>the authority issues the certificates from the requests alone;</li>
 *   <li>the member installs them: the new keys become current in its keystores, the replaced ones stay there under
 *       another alias, so that payloads sealed to the old encryption certificate — by nodes that have not yet seen the
 *       new configuration, or before the rotation — still open;</li>
 *   <li>then the authority publishes a newer configuration naming the new certificates as the member's, and the
 *       replaced signing certificate as previous: what the member signed before is still accepted. A running node of
 *       the member keeps signing with the key it started with, accepted as previous, until it restarts.</li>
 * </ol>
 * The keystores are written before the configuration, so no node can seal to a certificate whose key the member's
 * node cannot find. Each rotation keeps one previous signing certificate: the one before it is no longer accepted.
 */
public final class FederationKeyRotation {

    /** What a rotation made: the member's new certificates and the signing certificate they replace. */
    public record Rotated(X509Certificate signingCertificate, X509Certificate encryptionCertificate,
                          X509Certificate previousSigningCertificate) {
    }

    private final Clock clock;

    public FederationKeyRotation(Clock clock) {
        this.clock = clock;
    }

    public Rotated rotate(Path dataDirectory, MemberId member) {
        FederationAuthority authority = FederationAuthority.load(dataDirectory);
        MemberFiles memberFiles = MemberFiles.in(dataDirectory, member);
        // The member must be in the configuration before it is given keys: a rotation is not a way to join.
        FederationLoader.loadConfiguration(FederationFiles.in(dataDirectory), clock.instant()).member(member);
        MemberKeyring keyring = new MemberKeyring(memberFiles);
        keyring.generate();
        MemberCertificates issued = new MemberCertificateIssuer(authority.ca()).issue(member,
                CertificateRequest.read(memberFiles.request(KeyRole.SIGNING)),
                CertificateRequest.read(memberFiles.request(KeyRole.ENCRYPTION)));
        issued.write(memberFiles.directory(), authority.ca().certificate());
        keyring.install(MemberCertificates.read(memberFiles.directory()), authority.ca().certificate());
        X509Certificate previous = new FederationRegistration(clock).register(dataDirectory, member, issued, null, null)
                .orElseThrow();
        return new Rotated(issued.signing(), issued.encryption(), previous);
    }
}
