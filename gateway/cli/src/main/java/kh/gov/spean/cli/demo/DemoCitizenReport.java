package kh.gov.spean.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.dpo.AccessReport;
import kh.gov.spean.cli.dpo.AccessReportAssembly;
import kh.gov.spean.cli.dpo.AccessReportCheck;
import kh.gov.spean.cli.dpo.DpoReportCommand;
import kh.gov.spean.cli.dpo.SubjectAccessInquiry;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.edge.DevelopmentClients;

/**
 * The demo's last scene: the Data Protection Office asks every member, over Spean, who looked at the data of one
 * sample citizen whom the demo's exchanges name, and the report must list exactly the demo's accesses to that citizen,
 * counted independently of any log: the exchanges the demo played that name the citizen to a service whose description
 * marks its data subject, and the onward calls the connectors made for them, as the mock backends' own journals show
 * them (calls naming the citizen under an X-Road-Id the demo did not send).
 */
final class DemoCitizenReport {

    /** The sample citizen (Sok Chandara in the mock registers), named by the demo's verifyCitizen and land-title calls. */
    static final String SAMPLE_CITIZEN = "010203040";
    private static final String OFFICIAL = "DPO-0001";

    private final DemoNetwork network;
    private final Path data;

    DemoCitizenReport(DemoNetwork network, Path data) {
        this.network = network;
        this.data = data;
    }

    /**
     * Asks, checks, writes the report under {@code DATA/citizen-report/}, prints its lines, and judges it against
     * {@code played}: the exchanges the demo played and saw answered, by their X-Road-Id.
     */
    Outcome play(DemoReport out, Map<String, DemoScenarios.ExchangeScenario> played) {
        long started = System.nanoTime();
        try {
            FederationFiles files = FederationFiles.in(data);
            Federation federation = FederationLoader.load(files, Clock.systemUTC().instant());
            X509Certificate trustAnchor = FederationLoader.loadTrustAnchor(files);
            GatewayNode office = network.node(SubjectAccessInquiry.OFFICE.member());
            List<SubjectAccessInquiry.MemberReply> replies = new SubjectAccessInquiry(
                    DevelopmentClients.httpClient(network.credential(SubjectAccessInquiry.OFFICE), office.edgeCertificate()),
                    office.baseUri(), SubjectAccessInquiry.OFFICE, OFFICIAL, federation, trustAnchor).ask(SAMPLE_CITIZEN);
            byte[] configuration = Files.readAllBytes(files.configuration());
            Path folder = data.resolve("citizen-report");
            AccessReport report = new AccessReportAssembly(configuration).assemble(SAMPLE_CITIZEN,
                    Clock.systemUTC().instant(), replies, folder);
            report.lines().forEach(line -> out.line(DpoReportCommand.summary(line)));
            report.unanswered().forEach(member -> out.line("UNANSWERED " + member.member().id() + ": " + member.reason()));
            long failed = new AccessReportCheck(trustAnchor).check(folder, report).stream()
                    .filter(verdict -> !verdict.verified()).count();
            List<String> expected = expected(servicesMarkingASubject(configuration), played);
            List<String> listed = new ArrayList<>(report.lines().stream()
                    .map(line -> line.service() + " by " + line.clientSubsystem()).sorted().toList());
            boolean exact = listed.equals(expected);
            boolean held = exact && failed == 0 && report.unanswered().isEmpty() && !expected.isEmpty();
            return new Outcome("The citizen's report lists exactly the demo's accesses to citizen " + report.subjectLabel(),
                    SubjectAccessInquiry.OFFICE + " -> every member's subjectAccesses",
                    report.lines().size() + " accesses listed, " + expected.size() + " made by the demo"
                            + (exact ? "" : " (listed " + listed + ", made " + expected + ")") + "; " + failed
                            + " lines failed their proof; " + report.unanswered().size() + " members unanswered",
                    (System.nanoTime() - started) / 1_000_000, held, "written to " + folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each access to the sample citizen the demo made, directly or through a connector: "service by client". */
    private List<String> expected(Set<String> marking, Map<String, DemoScenarios.ExchangeScenario> played) {
        List<String> accesses = new ArrayList<>();
        played.values().forEach(scenario -> {
            if (marking.contains(scenario.service().toString()) && names(scenario.request())) {
                accesses.add(scenario.service() + " by " + scenario.client());
            }
        });
        network.backends().values().forEach(backend -> backend.getAllServeEvents().forEach(event -> {
            LoggedRequest request = event.getRequest();
            String service = request.getHeader("X-Road-Service");
            if (service != null && marking.contains(service) && !played.containsKey(request.getHeader("X-Road-Id"))
                    && names(request)) {
                accesses.add(service + " by " + request.getHeader("X-Road-Client"));
            }
        }));
        accesses.sort(null);
        return accesses;
    }

    private static boolean names(ExampleRequest request) {
        return request.target().contains(SAMPLE_CITIZEN)
                || new String(request.body(), StandardCharsets.UTF_8).contains(SAMPLE_CITIZEN);
    }

    private static boolean names(LoggedRequest request) {
        byte[] body = request.getBody();
        return request.getUrl().contains(SAMPLE_CITIZEN)
                || (body != null && new String(body, StandardCharsets.UTF_8).contains(SAMPLE_CITIZEN));
    }

    /** The services whose OpenAPI description marks where a request names its data subject (decision 0058). */
    private static Set<String> servicesMarkingASubject(byte[] configuration) throws IOException {
        Set<String> services = new HashSet<>();
        JsonValue listed = SpeanJson.readObject(new String(configuration, StandardCharsets.UTF_8)).get("services");
        for (JsonValue service : listed.asJsonArray()) {
            JsonObject object = service.asJsonObject();
            if (object.containsKey("openapi")) {
                Path description = SpeanHome.schemas().resolve(object.getString("openapi")).resolve("openapi.json");
                if (Files.readString(description).contains("\"x-spean-data-subject\"")) {
                    services.add(object.getString("id"));
                }
            }
        }
        return services;
    }
}
