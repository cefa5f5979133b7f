package kh.gov.spean.cli.dpo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.SettingCheck;
import kh.gov.spean.node.edge.DevelopmentClients;
import kh.gov.spean.node.edge.EdgeFiles;
import kh.gov.spean.node.edge.TlsCredential;

/**
 * {@code spean dpo report}: the citizen's report of who looked at their data. Run at the office: it asks every member
 * through the office's node, checks each answer's evidence, and writes the report and its evidence into a folder.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Ask every member's node for the accesses to one citizen, check their proofs, write the report.")
public final class DpoReportCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, description = "The citizen's national ID card number (9 digits).")
    String subject;

    @Option(names = "--out", required = true, description = "Folder to write the report into (report.json, the evidence).")
    Path out;

    @Option(names = "--data", required = true, description = "The office's data directory (federation/ and its edge files).")
    Path data;

    @Option(names = "--node", required = true, description = "The office's node, e.g. https://127.0.0.1:8084.")
    URI node;

    @Option(names = "--official", required = true, description = "The office's official who asks (sent as X-Road-UserId).")
    String official;

    @Option(names = "--client", defaultValue = "KH/GOV/DPO/SUBJECT-ACCESS", description = "The office's subsystem.")
    String client;

    @Option(names = "--cacert", description = "The node's edge certificate (PEM). Default: DATA/KH.GOV.DPO/edge/node-tls.crt.")
    Path trusted;

    @Option(names = "--cert", description = "The subsystem's client certificate (PEM). Default: the one under DATA/KH.GOV.DPO/edge/clients/.")
    Path certificate;

    @Option(names = "--key", description = "Its private key (PEM, PKCS#8). Default: beside the certificate.")
    Path key;

    @Override
    public Integer call() throws IOException {
        SettingCheck.require(subject.matches("[0-9]{9}"), "subject", "must be a national ID card number: 9 digits");
        SettingCheck.require("https".equals(node.getScheme()) && node.getHost() != null, "node",
                "must be the office node's https:// address, was " + node);
        SubsystemId office = SubsystemId.parse(client);
        FederationFiles federationFiles = FederationFiles.in(data);
        Federation federation = FederationLoader.load(federationFiles, Clock.systemUTC().instant());
        X509Certificate trustAnchor = FederationLoader.loadTrustAnchor(federationFiles);
        EdgeFiles edge = EdgeFiles.in(data, office.member());
        X509Certificate edgeCertificate = Pem.parseCertificates(Files.readString(
                trusted != null ? trusted : edge.serverCertificate())).get(0);
        TlsCredential credential = TlsCredential.load(certificate != null ? certificate : edge.clientCertificate(office),
                key != null ? key : edge.clientKey(office));
        HttpClient http = DevelopmentClients.httpClient(credential, edgeCertificate);

        List<SubjectAccessInquiry.MemberReply> replies = new SubjectAccessInquiry(http, node, office, official,
                federation, trustAnchor).ask(subject);
        AccessReport report = new AccessReportAssembly(Files.readAllBytes(federationFiles.configuration()))
                .assemble(subject, Clock.systemUTC().instant(), replies, out);
        print(report);
        System.out.println("Written to " + out + ": report.html and report.pdf for the citizen, "
                + AccessReportAssembly.REPORT_FILE + " and evidence/ for an auditor (spean audit verify --report " + out
                + " --ca " + federationFiles.caCertificate() + ")");
        return report.unanswered().isEmpty() ? 0 : 1;
    }

    private static void print(AccessReport report) {
        System.out.println("Accesses to the data of citizen " + report.subjectLabel() + ": " + report.lines().size());
        report.lines().forEach(line -> System.out.println("  " + summary(line)));
        report.unanswered().forEach(member -> System.out.println("  UNANSWERED " + member.member().id() + ": "
                + member.reason()));
    }

    /** One access on one line: when, whose service, who asked, which official, why, and what came of it. */
    public static String summary(AccessReport.AccessLine line) {
        return line.time() + "  " + line.service() + "  by " + line.clientSubsystem()
                + "  official " + (line.official() == null ? "(none)" : line.official())
                + (line.issue() == null ? "" : "  issue " + line.issue())
                + "  purpose " + (line.purpose() == null ? "(none)" : line.purpose().code())
                + "  " + line.outcome();
    }
}
