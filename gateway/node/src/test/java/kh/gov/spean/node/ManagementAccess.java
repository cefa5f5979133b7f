package kh.gov.spean.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import kh.gov.spean.node.management.ManagementUser;
import kh.gov.spean.node.management.ManagementUsers;
import kh.gov.spean.node.management.Role;

/**
 * A test's way onto a node's management port: an auditor and an operator with bearer tokens, written into the node's
 * users file the first time (the node reads it again when it changes), and an HTTPS client that trusts the port's
 * certificate.
 */
public final class ManagementAccess {

    public static final String AUDITOR = "test-auditor";
    public static final String OPERATOR = "test-operator";
    private static final Map<Path, ManagementAccess> BY_USERS_FILE = new ConcurrentHashMap<>();

    private final GatewayNode node;
    private final HttpClient http;
    private final Map<Role, String> tokens;

    private ManagementAccess(GatewayNode node, HttpClient http, Map<Role, String> tokens) {
        this.node = node;
        this.http = http;
        this.tokens = tokens;
    }

    public static ManagementAccess to(GatewayNode node) {
        Path users = ManagementUsers.fileOf(node.settings().dataDirectory(), node.settings().member());
        ManagementAccess known = BY_USERS_FILE.computeIfAbsent(users, file -> {
            String auditor = ManagementUsers.newToken();
            String operator = ManagementUsers.newToken();
            ManagementUsers.put(file, new ManagementUser(AUDITOR, Role.AUDITOR.wireName(), null,
                    ManagementUsers.sha256(auditor)));
            ManagementUsers.put(file, new ManagementUser(OPERATOR, Role.OPERATOR.wireName(), null,
                    ManagementUsers.sha256(operator)));
            return new ManagementAccess(node, trusting(node.managementCertificate()),
                    Map.of(Role.AUDITOR, auditor, Role.OPERATOR, operator));
        });
        return known.node == node ? known : new ManagementAccess(node, known.http, known.tokens);
    }

    /** GET a path (with its query) as a user of this role. */
    public HttpResponse<String> get(Role role, String path) throws IOException, InterruptedException {
        return http.send(request(path).header("Authorization", "Bearer " + tokens.get(role)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET a path (with its query) as a user of this role, the body as bytes. */
    public HttpResponse<byte[]> getBytes(Role role, String path) throws IOException, InterruptedException {
        return http.send(request(path).header("Authorization", "Bearer " + tokens.get(role)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(node.managementUri() + path));
    }

    public HttpClient http() {
        return http;
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    /** An HTTPS client whose only trust anchor is the management port's certificate. */
    public static HttpClient trusting(Path certificatePem) {
        return HttpClient.newBuilder().sslContext(tlsTrusting(certificatePem)).build();
    }

    /** TLS whose only trust anchor is the management port's certificate. */
    public static SSLContext tlsTrusting(Path certificatePem) {
        try (InputStream in = Files.newInputStream(certificatePem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("management", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + certificatePem, e);
        }
    }
}
