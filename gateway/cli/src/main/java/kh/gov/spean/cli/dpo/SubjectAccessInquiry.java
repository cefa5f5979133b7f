package kh.gov.spean.cli.dpo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.provider.AnswerSubjectAccesses;
import kh.gov.spean.privacy.SubjectAccessCheck;
import kh.gov.spean.privacy.SubjectAccesses;

/**
 * The office's question to every member, through the office's own node (so each is signed, sealed, logged and
 * access-checked like any call): the accesses to one subject. Each member's answer is checked here from its evidence
 * against the federation — its checkpoint signed and timestamped, every entry proved in it and signed by the registered
 * certificates — before anything of it is believed. A member that gives no answer, or one that does not verify, is kept
 * as unanswered with the reason.
 */
public final class SubjectAccessInquiry {

    /** The office's subsystem, which alone has the right to ask. */
    public static final SubsystemId OFFICE = SubsystemId.parse("KH/GOV/DPO/SUBJECT-ACCESS");
    /** The purpose the office declares for its requests (decision 0060). */
    public static final String PURPOSE = "DATA_SUBJECT_ACCESS";
    private static final Duration WAIT = Duration.ofSeconds(90);

    /**
     * What one member answered: its verified accesses and the reason it counts as unanswered (null when every part of
     * its answer verified). An unreachable member has no answer and no accesses.
     */
    public record MemberReply(MemberId member, SubjectAccesses answer, List<SubjectAccessCheck.Verdict> verdicts,
                              String unanswered) {
    }

    private final HttpClient http;
    private final URI node;
    private final SubsystemId client;
    private final String official;
    private final Federation federation;
    private final SubjectAccessCheck check;

    /**
     * @param node     the office's node, where {@code client} calls from
     * @param official the acting official at the office ({@code X-Road-UserId})
     */
    public SubjectAccessInquiry(HttpClient http, URI node, SubsystemId client, String official, Federation federation,
                                X509Certificate trustAnchor) {
        this.http = http;
        this.node = node;
        this.client = client;
        this.official = official;
        this.federation = federation;
        this.check = new SubjectAccessCheck(trustAnchor, (member, certificate) -> federation.member(MemberId.parse(member))
                .map(registered -> registered.signsWith(certificate)).orElse(false));
    }

    /** Asks every member but the office's own, all at once, and answers each member's reply in federation order. */
    public List<MemberReply> ask(String nationalId) {
        byte[] body = Json.createObjectBuilder().add("nationalId", nationalId).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        Map<MemberId, CompletableFuture<MemberReply>> asked = new LinkedHashMap<>();
        for (Federation.Member member : federation.members()) {
            if (member.id().equals(client.member())) {
                continue;
            }
            Optional<ServiceId> service = serviceOf(member.id());
            asked.put(member.id(), service.isEmpty()
                    ? CompletableFuture.completedFuture(unanswered(member.id(), "offers no subjectAccesses service"))
                    : ask(member.id(), service.get(), body));
        }
        List<MemberReply> replies = new ArrayList<>();
        asked.forEach((member, reply) -> replies.add(reply.join()));
        return replies;
    }

    private Optional<ServiceId> serviceOf(MemberId member) {
        return federation.services().stream().map(Federation.Service::id)
                .filter(id -> id.member().equals(member) && AnswerSubjectAccesses.isBuiltIn(id))
                .filter(id -> federation.isAllowed(client, id))
                .findFirst();
    }

    private CompletableFuture<MemberReply> ask(MemberId member, ServiceId service, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/r1/" + service))
                .timeout(WAIT)
                .header("X-Road-Client", client.toString())
                .header("X-Road-UserId", official)
                .header("X-Spean-Purpose", PURPOSE)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> judge(member, response))
                .exceptionally(failure -> unanswered(member, "the office's node gave no answer: "
                        + (failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure)));
    }

    private MemberReply judge(MemberId member, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return unanswered(member, "HTTP " + response.statusCode() + " " + refusal(response));
        }
        SubjectAccesses answer;
        try {
            answer = SpeanJson.fromBytes(response.body(), SubjectAccesses.class);
        } catch (JsonbException e) {
            return unanswered(member, "its answer does not read: " + e.getMessage());
        }
        if (answer == null || !member.toString().equals(answer.member()) || answer.accesses() == null) {
            return unanswered(member, "its answer is not a subjectAccesses answer of " + member);
        }
        SubjectAccessCheck.CheckedCheckpoint checkpoint;
        try {
            checkpoint = check.checkpoint(member.toString(), answer.checkpoint());
        } catch (SubjectAccessCheck.EvidenceFailure e) {
            return new MemberReply(member, answer, List.of(), e.getMessage());
        }
        List<SubjectAccessCheck.Verdict> verdicts = check.accesses(member.toString(), checkpoint, answer.accesses());
        List<SubjectAccessCheck.Verdict> failed = verdicts.stream().filter(verdict -> !verdict.verified()).toList();
        return new MemberReply(member, answer, verdicts, failed.isEmpty() ? null
                : "the evidence of " + failed.size() + " of " + verdicts.size() + " accesses fails: " + failed.get(0).problem());
    }

    private static String refusal(HttpResponse<byte[]> response) {
        String code = response.headers().firstValue("X-Road-Error").orElse("");
        try {
            JsonObject error = SpeanJson.readObject(new String(response.body(), StandardCharsets.UTF_8));
            return (code + " " + error.getString("message", "")).trim();
        } catch (RuntimeException notJson) {
            return code;
        }
    }

    private static MemberReply unanswered(MemberId member, String reason) {
        return new MemberReply(member, null, List.of(), reason);
    }
}
