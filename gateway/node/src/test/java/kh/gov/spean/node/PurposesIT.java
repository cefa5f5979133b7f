package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;

/**
 * A personal-data service (Interior's verifyCitizen) through real nodes: a call must declare a purpose its access right
 * grants and name the acting official; each refusal at the client's node has its own code, is logged there and reaches
 * neither the provider nor its backend; a granted call's purpose and official are in both nodes' signed log entries,
 * and so are those of the business registry's own calls to Interior while it registers a company.
 */
class PurposesIT {

    private static final String PURPOSE = TestNetwork.VERIFY_CITIZEN_PURPOSE;
    private static final String REGISTER_BUSINESS = "KH/GOV/MEF/BUSINESS-REGISTRY/registerBusiness";
    private static final String TAX_REGISTRY = "KH/GOV/MEF/TAX-REGISTRY";

    @TempDir
    static Path data;
    static TestNetwork network;
    static ConnectorExample match;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20));
        match = ConnectorExample.read("moi-id-registry", "match");
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void a_call_without_a_purpose_is_refused_at_the_clients_node() throws Exception {
        refusedAtTheClientsNode(Map.of("X-Road-UserId", TestNetwork.OFFICIAL), ErrorCode.PURPOSE_MISSING);
    }

    @Test
    void a_call_naming_no_official_is_refused_at_the_clients_node() throws Exception {
        refusedAtTheClientsNode(Map.of("X-Spean-Purpose", PURPOSE), ErrorCode.OFFICIAL_MISSING);
    }

    @Test
    void a_call_for_a_purpose_outside_the_catalogue_is_refused_at_the_clients_node() throws Exception {
        refusedAtTheClientsNode(TestNetwork.declaring("CURIOSITY", Map.of()), ErrorCode.PURPOSE_UNKNOWN);
    }

    @Test
    void a_call_for_a_purpose_its_access_right_does_not_grant_is_refused_at_the_clients_node() throws Exception {
        HttpResponse<String> refused = refusedAtTheClientsNode(TestNetwork.declaring("TAX_ASSESSMENT", Map.of()),
                ErrorCode.PURPOSE_NOT_GRANTED);
        assertTrue(refused.body().contains("grants [BUSINESS_REGISTRATION]"), refused.body());
    }

    @Test
    void a_purpose_header_that_is_not_visible_ascii_is_malformed() throws Exception {
        refusedAtTheClientsNode(TestNetwork.declaring("BUSINESS REGISTRATION", Map.of()), ErrorCode.MALFORMED_REQUEST);
    }

    @Test
    void a_granted_calls_purpose_and_official_are_in_both_nodes_signed_log_entries() throws Exception {
        HttpResponse<String> answer = call(TestNetwork.declaring(PURPOSE, Map.of()));
        assertEquals(200, answer.statusCode(), answer.body());
        String envelopeId = answer.headers().firstValue("X-Road-Id").orElseThrow();

        for (MemberId member : List.of(TestNetwork.MEF, TestNetwork.MOI)) {
            RestFields signed = signedRest(LogReader.find(network.node(member).log().files(), envelopeId).entry().entry());
            assertEquals(PURPOSE, signed.purpose(), member.toString());
            assertEquals(TestNetwork.OFFICIAL, signed.userId(), member.toString());
        }
    }

    @Test
    void the_business_registry_verifies_owners_for_its_own_purpose_in_the_name_of_the_official_who_asked()
            throws Exception {
        ConnectorExample registration = ConnectorExample.read("mef-business-registry", "register-company");
        int before = verifyCitizenDeliveries().size();

        HttpResponse<String> asked = network.call(network.mef(), TAX_REGISTRY, REGISTER_BUSINESS,
                registration.request().getBytes(StandardCharsets.UTF_8), "application/json",
                Map.of("X-Road-UserId", "MEF-TAX-CLERK-0031"));
        assertEquals(201, asked.statusCode(), asked.body());
        HttpResponse<String> unnamed = network.call(network.mef(), TAX_REGISTRY, REGISTER_BUSINESS,
                registration.request().getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
        assertEquals(201, unnamed.statusCode(), unnamed.body());

        // Two owners each: Interior's node logged four deliveries, each with the registry's purpose.
        await().atMost(Duration.ofSeconds(10)).until(() -> verifyCitizenDeliveries().size() == before + 4);
        List<RestFields> onward = verifyCitizenDeliveries().subList(before, before + 4);
        onward.forEach(rest -> assertEquals(PURPOSE, rest.purpose()));
        assertEquals(List.of("MEF-TAX-CLERK-0031", "MEF-TAX-CLERK-0031", "system:KH/GOV/MEF/BUSINESS-REGISTRY",
                "system:KH/GOV/MEF/BUSINESS-REGISTRY"), onward.stream().map(RestFields::userId).toList());
    }

    private static HttpResponse<String> refusedAtTheClientsNode(Map<String, String> headers, ErrorCode code)
            throws Exception {
        int hitsBefore = network.backendHits();
        int refusedBefore = rejections(TestNetwork.MEF, code);
        int providerEntriesBefore = entries(TestNetwork.MOI);

        HttpResponse<String> refused = call(headers);

        assertEquals(code.httpStatus(), refused.statusCode(), refused.body());
        assertEquals(code.code(), refused.headers().firstValue("X-Road-Error").orElseThrow());
        assertEquals(refusedBefore + 1, rejections(TestNetwork.MEF, code), "the client's node logs its refusal");
        assertEquals(providerEntriesBefore, entries(TestNetwork.MOI), "nothing reached Interior's node");
        assertEquals(hitsBefore, network.backendHits(), "nothing reached Interior's backend");
        return refused;
    }

    private static HttpResponse<String> call(Map<String, String> headers) throws Exception {
        return network.call(network.mef(), match.client(), match.service(),
                match.request().getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    private static RestFields signedRest(LogEntry entry) {
        return EnvelopeCodec.decodeHeader(Digests.fromBase64(entry.header())).rest();
    }

    /** The signed REST fields of the verifyCitizen requests Interior's node delivered, in log order. */
    private static List<RestFields> verifyCitizenDeliveries() throws Exception {
        List<RestFields> delivered = new ArrayList<>();
        LogReader.forEach(network.moi().log().files(), stored -> {
            if (LogEntryKind.DELIVERED.wireName().equals(stored.entry().kind())
                    && TestNetwork.VERIFY_CITIZEN.equals(stored.entry().service())) {
                delivered.add(signedRest(stored.entry()));
            }
        });
        return delivered;
    }

    private static int rejections(MemberId node, ErrorCode code) throws Exception {
        List<LogEntry> found = new ArrayList<>();
        LogReader.forEach(network.node(node).log().files(), stored -> {
            if (LogEntryKind.REJECTED.wireName().equals(stored.entry().kind())
                    && code.code().equals(stored.entry().result())) {
                found.add(stored.entry());
            }
        });
        return found.size();
    }

    private static int entries(MemberId node) throws Exception {
        List<LogEntry> found = new ArrayList<>();
        LogReader.forEach(network.node(node).log().files(), stored -> found.add(stored.entry()));
        return found.size();
    }
}
