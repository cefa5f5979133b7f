package kh.gov.spean.node.management;

import static kh.gov.spean.node.SettingCheck.require;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The management port's settings, apart from the exchange's: where the audit page, metrics, monitoring and health
 * listen, over TLS, for authenticated auditors and operators.
 *
 * @param host            the address it binds to ({@code --management-host}, default 127.0.0.1: loopback only)
 * @param port            its port, 0 for any free port ({@code --management-port}, default 8443)
 * @param allowedHosts    the names callers may put in {@code Host}, besides localhost, 127.0.0.1, [::1] and the
 *                        management host ({@code --management-allowed-host}, repeatable); any other is refused, which
 *                        keeps a DNS-rebinding page from talking to the port through a browser
 * @param certificateFile the TLS certificate PEM ({@code --management-certificate}); without it the node makes a
 *                        self-signed one in {@code DATA/<member>/management/}
 * @param keyFile         its PKCS#8 private key PEM ({@code --management-key}), given with the certificate
 */
public record ManagementSettings(String host, int port, List<String> allowedHosts, Path certificateFile,
                                 Path keyFile) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8443;

    public ManagementSettings {
        allowedHosts = List.copyOf(allowedHosts == null ? List.of() : allowedHosts);
    }

    public static ManagementSettings defaults() {
        return new ManagementSettings(DEFAULT_HOST, DEFAULT_PORT, List.of(), null, null);
    }

    public ManagementSettings withPort(int newPort) {
        return new ManagementSettings(host, newPort, allowedHosts, certificateFile, keyFile);
    }

    /** Every name a caller may put in {@code Host}, lower case, without brackets or port. */
    public Set<String> hostNames() {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            names.add(bare(host));
        }
        allowedHosts.forEach(name -> names.add(bare(name)));
        return names;
    }

    /** Throws CONFIGURATION_INVALID naming the first setting that is wrong. */
    public ManagementSettings validate() {
        require(host != null && !host.isBlank(), "management-host", "is required");
        require(port >= 0 && port <= 65535, "management-port", "must be 0..65535, was " + port);
        allowedHosts.forEach(name -> require(name.matches("[A-Za-z0-9.:\\[\\]-]+"), "management-allowed-host",
                "must be a host name or address, was " + name));
        require((certificateFile == null) == (keyFile == null), "management-certificate",
                "and --management-key go together");
        require(certificateFile == null || Files.isRegularFile(certificateFile), "management-certificate",
                "must be a PEM file: " + certificateFile);
        require(keyFile == null || Files.isRegularFile(keyFile), "management-key", "must be a PEM file: " + keyFile);
        return this;
    }

    static String bare(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }
}
