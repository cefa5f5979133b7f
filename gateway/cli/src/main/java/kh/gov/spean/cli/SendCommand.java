package kh.gov.spean.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.node.SettingCheck;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.edge.TlsCredential;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * {@code spean send}: calls a node as a ministry system would (X-Road REST), and prints the answer with its X-Road
 * headers and the commitment salts a ministry keeps to prove later what was said.
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Call a service through a node, as a ministry system would.")
public final class SendCommand implements Callable<Integer> {

    @Option(names = "--node", required = true, description = "The client's node, e.g. https://127.0.0.1:8081.")
    URI node;

    @Option(names = "--client", required = true, description = "The calling subsystem, e.g. KH/GOV/MEF/BUSINESS-REGISTRY.")
    String client;

    @Option(names = "--service", required = true, description = "The service, e.g. KH/GOV/MOI/ID-REGISTRY/verifyCitizen.")
    String service;

    @Option(names = "--body", required = true, description = "JSON file with the request payload.")
    Path body;

    @Option(names = "--purpose", description = "The purpose of the call (X-Spean-Purpose), a code of the federation's "
            + "catalogue, e.g. BUSINESS_REGISTRATION; a personal-data service requires it.")
    String purpose;

    @Option(names = "--user-id", description = "The acting official (X-Road-UserId); a personal-data service requires it.")
    String userId;

    @Option(names = "--cacert", description = "The node's edge certificate to trust (PEM), e.g. DATA/MEMBER/edge/node-tls.crt.")
    Path trusted;

    @Option(names = "--cert", description = "The calling subsystem's registered client certificate (PEM).")
    Path certificate;

    @Option(names = "--key", description = "Its private key (PEM, PKCS#8).")
    Path key;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SettingCheck.require(("http".equals(node.getScheme()) || "https".equals(node.getScheme())) && node.getHost() != null,
                "node", "must be the node's http:// or https:// address, e.g. http://127.0.0.1:8081, was " + node);
        SettingCheck.require(node.getPort() <= 65535, "node", "names port " + node.getPort() + " (a port is 0..65535)");
        // The service is part of the path: one that is no identifier could not even be sent.
        ServiceId.parse(service);
        if (Files.isDirectory(body)) {
            throw new FileSystemException(body.toString(), null, "a folder, not a file");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve("/r1/" + service))
                .timeout(Duration.ofSeconds(60))
                .header("X-Road-Client", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(body)));
        if (purpose != null) {
            request.header(XRoadHeaders.PURPOSE, purpose);
        }
        if (userId != null) {
            request.header(XRoadHeaders.USER_ID, userId);
        }
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from the node at " + node, e);
        }
        System.out.println("HTTP " + response.statusCode());
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-road-") || lower.startsWith("x-spean-")) {
                System.out.println(name + ": " + String.join(", ", values));
            }
        });
        System.out.println(response.body());
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }

    private HttpClient client() throws IOException {
        if (!"https".equals(node.getScheme())) {
            return HttpClient.newHttpClient();
        }
        SettingCheck.require(trusted != null, "cacert", "is needed for an https:// node: its edge certificate");
        SettingCheck.require((certificate == null) == (key == null), "cert", "and --key go together");
        X509Certificate edge = Pem.parseCertificates(Files.readString(trusted)).get(0);
        return DevelopmentClients.httpClient(certificate == null ? null : TlsCredential.load(certificate, key), edge);
    }
}
