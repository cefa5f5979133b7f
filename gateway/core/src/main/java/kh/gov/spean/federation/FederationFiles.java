package kh.gov.spean.federation;

import java.nio.file.Path;

/** Where the federation's public files live in a data directory: the root CA, the configuration and its signature. */
public record FederationFiles(Path directory) {

    public static FederationFiles in(Path dataDirectory) {
        return new FederationFiles(dataDirectory.resolve("federation"));
    }

    /** The federation root CA certificate: the trust anchor every node is given out of band. */
    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    public Path configuration() {
        return directory.resolve("federation.json");
    }

    /** Detached CMS signature (DER) by the federation authority over the exact bytes of {@link #configuration()}. */
    public Path signature() {
        return directory.resolve("federation.json.p7s");
    }
}
