package kh.gov.spean.federation;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;

import kh.gov.spean.RepositoryRoot;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.id.MemberId;

/** A development federation generated from the repository's seed into a test's temporary folder. */
public record TestFederation(Path data, Federation federation, X509Certificate trustAnchor) {

    public static final MemberId MOI = MemberId.parse("KH/GOV/MOI");
    public static final MemberId MEF = MemberId.parse("KH/GOV/MEF");

    public static TestFederation create(Path data) {
        Path root = RepositoryRoot.path();
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds/federation.json"),
                root.resolve("schemas"), data);
        FederationFiles files = FederationFiles.in(data);
        return new TestFederation(data, FederationLoader.load(files, Clock.systemUTC().instant()),
                FederationLoader.loadTrustAnchor(files));
    }

    /** A federation created before, e.g. by another process. */
    public static TestFederation load(Path data) {
        FederationFiles files = FederationFiles.in(data);
        return new TestFederation(data, FederationLoader.load(files, Clock.systemUTC().instant()),
                FederationLoader.loadTrustAnchor(files));
    }

    public MemberKeys keys(MemberId member) {
        return MemberFiles.in(data, member).loadKeys();
    }

    public FederationFiles files() {
        return FederationFiles.in(data);
    }
}
