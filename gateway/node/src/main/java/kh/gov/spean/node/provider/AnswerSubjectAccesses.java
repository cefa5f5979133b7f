package kh.gov.spean.node.provider;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.http.XRoadHeaders;
import kh.gov.spean.privacy.SubjectAccessSearch;
import kh.gov.spean.privacy.SubjectAccesses;
import kh.gov.spean.privacy.SubjectTagKeys;

/**
 * The node's own answer to the data-protection office's {@code subjectAccesses} request (decision 0060), served in place
 * of a connector: it tags the subject's id under each of this member's keys, forces a checkpoint so that every entry
 * found is covered by a signed, timestamped one, and answers the accesses its log holds with their proofs. The id is
 * used here and dropped: neither the answer nor any log entry holds it.
 */
public final class AnswerSubjectAccesses implements Processor {

    /** The service code every member's node answers itself, on whichever subsystem the federation names it. */
    public static final String SERVICE_CODE = "subjectAccesses";
    /** The built-in route that serves it. */
    public static final String ROUTE = "direct:spean.subjectAccesses";

    private final MemberId member;
    private final MessageLog log;
    private final Path subjectTagKeys;

    public AnswerSubjectAccesses(MemberId member, MessageLog log, Path subjectTagKeys) {
        this.member = member;
        this.log = log;
        this.subjectTagKeys = subjectTagKeys;
    }

    /** True for a service this node answers itself. */
    public static boolean isBuiltIn(ServiceId service) {
        return SERVICE_CODE.equals(service.serviceCode()) && service.version() == null;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String subject = subjectOf(message.getBody(byte[].class));
        SubjectTagKeys keys = SubjectTagKeys.load(subjectTagKeys);
        Set<String> tags = keys.isEmpty() ? new HashSet<>() : new HashSet<>(keys.tags(subject));
        long covered = log.checkpoint();
        SubjectAccesses answer;
        try {
            answer = SubjectAccessSearch.find(member.toString(), log.files(), tags, covered);
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.INTERNAL, "cannot read the message log: " + e.getMessage(), e);
        }
        message.removeHeaders("*", Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERY_MAX_COUNTER, Exchange.REDELIVERED);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        message.setBody(SpeanJson.toBytes(answer));
    }

    /** The request's {@code nationalId}; the schema was checked before, at both nodes. */
    private static String subjectOf(byte[] body) {
        if (body == null) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "a subjectAccesses request names its subject");
        }
        JsonObject request = SpeanJson.readObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (!(request.get("nationalId") instanceof JsonString id)) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "a subjectAccesses request names its subject");
        }
        return id.getString();
    }
}
