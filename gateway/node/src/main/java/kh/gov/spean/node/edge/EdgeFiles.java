package kh.gov.spean.node.edge;

import java.nio.file.Path;

import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.SubsystemId;

/**
 * Where the edge's files are kept in a member's folder, {@code DATA/MEMBER/edge/}: the node's own TLS key and
 * certificate, the client registry, and development client credentials made by {@code spean client issue}.
 */
public record EdgeFiles(Path directory) {

    public static EdgeFiles in(Path dataDirectory, MemberId member) {
        return new EdgeFiles(dataDirectory.resolve(member.folderName()).resolve("edge"));
    }

    /** The node's TLS certificate, which clients trust ({@code curl --cacert}). */
    public Path serverCertificate() {
        return directory.resolve("node-tls.crt");
    }

    public Path serverKey() {
        return directory.resolve("node-tls.key");
    }

    public Path clientRegistry() {
        return directory.resolve("clients.json");
    }

    /** A development client credential of a subsystem, as {@code spean client issue} writes it by default. */
    public Path clientCertificate(SubsystemId subsystem) {
        return directory.resolve("clients").resolve(subsystem.subsystemCode() + ".crt");
    }

    public Path clientKey(SubsystemId subsystem) {
        return directory.resolve("clients").resolve(subsystem.subsystemCode() + ".key");
    }
}
