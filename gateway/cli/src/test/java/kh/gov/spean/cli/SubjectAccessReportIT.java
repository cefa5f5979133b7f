package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.cli.dpo.AccessReport;
import kh.gov.spean.cli.dpo.AccessReportAssembly;
import kh.gov.spean.cli.dpo.AccessReportCheck;
import kh.gov.spean.cli.dpo.SubjectAccessInquiry;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.TestNetwork;

/**
 * The Data Protection Office's report, through real nodes on a real broker: calls about citizen A and citizen B at two
 * providers (Interior's verifyCitizen, Land Management's landTitles), each tagged by its provider's node; the report
 * for A lists exactly A's, each proof verifies and B's are absent; the office's own requests are never listed; a member
 * whose node is down is listed as unanswered; an altered evidence file fails {@code spean audit verify --report}.
 */
class SubjectAccessReportIT {

    static final String CITIZEN_A = "010203040";
    static final String CITIZEN_B = "030405060";
    static final MemberId DPO = MemberId.parse("KH/GOV/DPO");
    static final ServiceId VERIFY_CITIZEN = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
    static final ServiceId LAND_TITLES = ServiceId.parse("KH/GOV/MLMUPC/LAND-REGISTRY/landTitles");

    @TempDir
    static Path data;
    static TestNetwork network;
    static Federation federation;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data.resolve("federation"), Duration.ofSeconds(5), UnaryOperator.identity(),
                TestNetwork.MOI, TestNetwork.MEF, TestNetwork.MLMUPC, TestNetwork.MPTC, DPO);
        federation = network.federation();
        assertEquals(200, verifyCitizen(CITIZEN_A, "1990-01-31", "KH0001", "BR-2026-17"));
        assertEquals(200, verifyCitizen(CITIZEN_B, "2001-12-05", "KH0002", null));
        assertEquals(200, landTitles(CITIZEN_A, "KH0003"));
        assertEquals(200, landTitles(CITIZEN_B, "KH0004"));
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void the_report_lists_exactly_the_citizens_accesses_each_proved_and_never_the_offices_own_requests(
            @TempDir Path reports) throws IOException {
        AccessReport first = report(CITIZEN_A, reports.resolve("first"));
        assertEquals(List.of(), first.unanswered());
        assertEquals(List.of("KH/GOV/MEF", "KH/GOV/MLMUPC", "KH/GOV/MOI", "KH/GOV/MPTC"),
                first.membersAsked().stream().map(AccessReport.Party::id).sorted().toList(), "every member but the office");
        assertEquals(List.of(VERIFY_CITIZEN + " by KH/GOV/MEF/BUSINESS-REGISTRY official KH0001 issue BR-2026-17",
                        LAND_TITLES + " by KH/GOV/MEF/TAX-REGISTRY official KH0003 issue null"),
                first.lines().stream().map(line -> line.service() + " by " + line.clientSubsystem() + " official "
                        + line.official() + " issue " + line.issue()).toList());
        assertTrue(first.lines().stream().allMatch(line -> line.outcome().equals("answered 200")));
        assertEquals("Ministry of Interior", first.lines().get(0).provider().nameEn());
        assertEquals("ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ", first.lines().get(0).client().nameKm());
        assertTrue(new AccessReportCheck(trustAnchor())
                .check(reports.resolve("first"), first).stream().allMatch(AccessReportCheck.LineVerdict::verified));

        // The office's requests of the first report were delivered and logged at every member: still not accesses.
        AccessReport second = report(CITIZEN_A, reports.resolve("second"));
        assertEquals(2, second.lines().size());
        AccessReport ofB = report(CITIZEN_B, reports.resolve("b"));
        assertEquals(List.of("KH0002", "KH0004"), ofB.lines().stream().map(AccessReport.AccessLine::official).toList());

        CommandRun verify = CommandRun.of("audit", "verify", "--report", reports.resolve("first").toString(),
                "--ca", FederationFiles.in(network.data()).caCertificate().toString());
        assertEquals(0, verify.exit(), verify.output());
        assertEquals(2, verify.output().lines().filter(line -> line.startsWith("OK ")).count(), verify.output());

        assertNoIdIn(reports, CITIZEN_A);
        assertNoIdIn(network.data(), CITIZEN_A);
    }

    @Test
    void a_changed_byte_in_an_entry_or_a_proof_fails_spean_audit_verify_report(@TempDir Path reports) throws IOException {
        AccessReport report = report(CITIZEN_A, reports.resolve("report"));
        String ca = FederationFiles.in(network.data()).caCertificate().toString();
        for (String file : List.of(report.lines().get(0).evidence().files().get(0),
                report.lines().get(1).evidence().files().stream().filter(name -> name.endsWith("proof.json")).findFirst()
                        .orElseThrow())) {
            Path copy = reports.resolve("altered-" + file.hashCode());
            RepositoryCopy.copy(reports.resolve("report"), copy);
            Path altered = copy.resolve(file);
            Files.writeString(altered, changeOneCharacter(Files.readString(altered)));
            CommandRun verify = CommandRun.of("audit", "verify", "--report", copy.toString(), "--ca", ca);
            assertEquals(1, verify.exit(), verify.output());
            assertEquals(1, verify.output().lines().filter(line -> line.startsWith("FAILED ")).count(), verify.output());
            assertEquals(1, verify.output().lines().filter(line -> line.startsWith("OK ")).count(), verify.output());
        }
    }

    @Test
    void a_member_whose_node_is_down_is_listed_as_unanswered_with_the_reason(@TempDir Path reports) throws IOException {
        network.stop(TestNetwork.MLMUPC);
        try {
            AccessReport report = report(CITIZEN_A, reports.resolve("report"));
            assertEquals(List.of("KH/GOV/MLMUPC"), report.unanswered().stream().map(member -> member.member().id()).toList());
            assertTrue(report.unanswered().get(0).reason().contains("server.timeout"), report.unanswered().get(0).reason());
            assertEquals(List.of(VERIFY_CITIZEN.toString()), report.lines().stream().map(AccessReport.AccessLine::service).toList());
        } finally {
            network.restart(TestNetwork.MLMUPC);
        }
    }

    @Test
    void only_the_office_may_ask_and_only_about_a_national_id() throws Exception {
        String subjectAccesses = "/r1/KH/GOV/MOI/ID-REGISTRY/subjectAccesses";
        HttpResponse<String> stranger = network.http(network.mef(), "KH/GOV/MEF/BUSINESS-REGISTRY").send(HttpRequest
                .newBuilder(URI.create(network.mef().baseUri() + subjectAccesses))
                .header("X-Road-Client", "KH/GOV/MEF/BUSINESS-REGISTRY").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nationalId\":\"" + CITIZEN_A + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, stranger.statusCode(), stranger.body());
        assertEquals("client.access_denied", stranger.headers().firstValue("X-Road-Error").orElse(null));

        GatewayNode office = network.node(DPO);
        HttpResponse<String> notAnId = network.http(office, SubjectAccessInquiry.OFFICE.toString()).send(HttpRequest
                .newBuilder(URI.create(office.baseUri() + subjectAccesses))
                .header("X-Road-Client", SubjectAccessInquiry.OFFICE.toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nationalId\":\"Sok Chandara\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notAnId.statusCode(), notAnId.body());
        assertEquals("client.schema_invalid", notAnId.headers().firstValue("X-Road-Error").orElse(null));
    }

    private static AccessReport report(String citizen, Path folder) throws IOException {
        GatewayNode office = network.node(DPO);
        List<SubjectAccessInquiry.MemberReply> replies = new SubjectAccessInquiry(
                network.http(office, SubjectAccessInquiry.OFFICE.toString()), office.baseUri(),
                SubjectAccessInquiry.OFFICE, "DPO-0001", federation, trustAnchor()).ask(citizen);
        return new AccessReportAssembly(Files.readAllBytes(FederationFiles.in(network.data()).configuration()))
                .assemble(citizen, Clock.systemUTC().instant(), replies, folder);
    }

    private static java.security.cert.X509Certificate trustAnchor() {
        return FederationLoader.loadTrustAnchor(FederationFiles.in(network.data()));
    }

    /** Business registration verifies a citizen at Interior, through its own node. */
    private static int verifyCitizen(String citizen, String born, String official, String issue) throws Exception {
        String body = "{\"nationalId\":\"" + citizen + "\",\"fullNameEn\":\"A Citizen\",\"dateOfBirth\":\"" + born + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + VERIFY_CITIZEN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (issue != null) {
            request.header("X-Road-Issue", issue);
        }
        return call(request, "KH/GOV/MEF/BUSINESS-REGISTRY", official, "BUSINESS_REGISTRATION");
    }

    /** The tax department asks Land Management which titles a citizen holds. */
    private static int landTitles(String citizen, String official) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + LAND_TITLES + "/owners/"
                + citizen + "/titles")).header("Accept", "application/json").GET(), "KH/GOV/MEF/TAX-REGISTRY", official,
                "TAX_ASSESSMENT");
    }

    private static int call(HttpRequest.Builder request, String client, String official, String purpose) throws Exception {
        request.timeout(Duration.ofSeconds(60)).header("X-Road-Client", client).header("X-Road-UserId", official)
                .header("X-Spean-Purpose", purpose);
        return network.http(network.mef(), client).send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void assertNoIdIn(Path folder, String id) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(id), file + " holds the citizen's id");
            }
        }
    }

    /** The text with one character changed: the first of the first hash in a proof, or the middle one of an entry. */
    private static String changeOneCharacter(String text) {
        Matcher hash = Pattern.compile("[0-9a-f]{64}").matcher(text);
        int at = hash.find() ? hash.start() : text.length() / 2;
        char changed = text.charAt(at) == 'a' ? 'b' : text.charAt(at) == 'A' ? 'B' : 'a';
        return text.substring(0, at) + changed + text.substring(at + 1);
    }
}
