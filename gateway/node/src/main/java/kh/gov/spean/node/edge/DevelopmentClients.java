package kh.gov.spean.node.edge;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.SubsystemId;

/**
 * Development client credentials, as {@code spean client issue} makes them: a self-signed certificate and key per
 * subsystem, written to {@code DATA/MEMBER/edge/clients/} and registered in the member's client registry; and the
 * HTTP client that presents one to a node's edge. For the demo, the bench, the test networks and connector tests.
 */
public final class DevelopmentClients {

    public static final Duration VALIDITY = Duration.ofDays(365);

    private DevelopmentClients() {
    }

    /** A subsystem's credential, issued and registered now, or the one issued before if still valid and registered. */
    public static TlsCredential issue(Path dataDirectory, SubsystemId subsystem, Clock clock) {
        EdgeFiles files = EdgeFiles.in(dataDirectory, subsystem.member());
        ClientRegistry registry = ClientRegistry.of(dataDirectory, subsystem.member());
        Path certificate = files.clientCertificate(subsystem);
        Path key = files.clientKey(subsystem);
        Instant now = clock.instant();
        if (Files.isRegularFile(certificate) && Files.isRegularFile(key)) {
            TlsCredential kept = TlsCredential.load(certificate, key);
            if (kept.certificate().getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(1)))
                    && registry.subsystemsOf(kept.fingerprint()).contains(subsystem)) {
                return kept;
            }
        }
        TlsCredential made = SelfSignedCertificates.client(subsystem.toString(), now.minus(Duration.ofMinutes(5)),
                now.plus(VALIDITY));
        made.save(certificate, key);
        registry.register(subsystem, made.certificate());
        return made;
    }

    /** A credential for every subsystem of the given members, issued and registered at their nodes. */
    public static Map<SubsystemId, TlsCredential> issueAll(Path dataDirectory, Federation federation, Clock clock,
                                                           Iterable<MemberId> members) {
        Map<SubsystemId, TlsCredential> issued = new LinkedHashMap<>();
        for (MemberId member : members) {
            federation.member(member).ifPresent(found -> found.subsystems().stream().sorted(
                    java.util.Comparator.comparing(SubsystemId::toString))
                    .forEach(subsystem -> issued.put(subsystem, issue(dataDirectory, subsystem, clock))));
        }
        return issued;
    }

    /**
     * An HTTP client of a node's edge: presents {@code credential} (none if null) and trusts {@code edge}, the node's
     * certificate; a plain client when {@code edge} is null (a development plain-HTTP edge).
     */
    public static HttpClient httpClient(TlsCredential credential, X509Certificate edge) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (edge != null) {
            builder.sslContext(credential == null ? TlsCredential.anonymousClientContext(edge)
                    : credential.clientContext(edge));
        }
        return builder.build();
    }
}
