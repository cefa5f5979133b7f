package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.exchange.BindToPendingRequest;
import kh.gov.spean.node.exchange.CompletePendingRequest;
import kh.gov.spean.node.inbox.AnswerForAnotherNode;
import kh.gov.spean.node.inbox.CheckRecipient;
import kh.gov.spean.node.inbox.CommitOffset;
import kh.gov.spean.node.inbox.CheckTimeWindow;
import kh.gov.spean.node.inbox.DecodeEnvelope;
import kh.gov.spean.node.inbox.OpenPayload;
import kh.gov.spean.node.inbox.RejectReplay;
import kh.gov.spean.node.inbox.ValidateIncomingPayload;
import kh.gov.spean.node.inbox.VerifySignature;
import kh.gov.spean.node.log.LogReceivedEnvelope;
import kh.gov.spean.node.oneway.BindToOneWayMessage;

/**
 * This member's inbox and answers topics: every envelope is verified, addressed, in time and new before anything else happens; then a
 * request goes to the provider route, an event copy to the subscriber route, a receipt (or error) for a one-way
 * message settles it, and an answer resumes the call waiting for it.
 */
public final class InboxRoute extends RouteBuilder {

    static final String RECEIVE = "direct:receive";
    public static final String PROVIDE = "direct:provide";
    public static final String RECEIVE_EVENT = "direct:receive-event";
    public static final String ONE_WAY_ANSWER = "direct:one-way-answer";

    /** The steps, in the order the design gives them. */
    public record Steps(DecodeEnvelope decodeEnvelope, VerifySignature verifySignature, CheckRecipient checkRecipient,
                        CheckTimeWindow checkTimeWindow, RejectReplay rejectReplay,
                        BindToPendingRequest bindToPendingRequest, OpenPayload openPayload,
                        ValidateIncomingPayload validateResponse, LogReceivedEnvelope logAnswer,
                        CompletePendingRequest completePendingRequest, BindToOneWayMessage bindToOneWayMessage,
                        AnswerForAnotherNode answerForAnotherNode) {
    }

    private final NodeEndpoints endpoints;
    private final Steps steps;

    public InboxRoute(NodeEndpoints endpoints, Steps steps) {
        this.endpoints = endpoints;
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(endpoints.inbox()).routeId("inbox").to(RECEIVE).id("receive-request-or-event");
        from(endpoints.answers()).routeId("answers")
                .choice()
                    .when(steps.answerForAnotherNode())
                        .process(CommitOffset.keep()).id("keep-passed-over-offset-commit")
                        .process(CommitOffset.commit()).id("pass-over-answer-for-another-node")
                    .otherwise()
                        .to(RECEIVE).id("receive-answer")
                .end();

        from(RECEIVE).routeId("receive").routeConfigurationId(ErrorPolicies.INBOX_REJECTIONS)
                .process(CommitOffset.keep()).id("keep-offset-commit")
                .process(steps.decodeEnvelope()).id("decode-envelope")
                // Addressee and time window first: neither refusal depends on the signature, and both cost nothing.
                .process(steps.checkRecipient()).id("check-recipient")
                .process(steps.checkTimeWindow()).id("check-time-window")
                .process(steps.verifySignature()).id("verify-signature")
                .process(steps.rejectReplay()).id("reject-replay")
                .choice()
                    .when(typeIs(EnvelopeType.REQUEST))
                        .to(PROVIDE).id("to-provider-route")
                    .when(typeIs(EnvelopeType.EVENT))
                        .to(RECEIVE_EVENT).id("to-subscriber-route")
                    .when(steps.bindToOneWayMessage().answersAOneWayMessage())
                        .to(ONE_WAY_ANSWER).id("to-one-way-answer-route")
                    .otherwise()
                        .process(steps.bindToPendingRequest()).id("bind-to-pending-request")
                        .process(steps.openPayload()).id("open-answer")
                        .filter(typeIs(EnvelopeType.RESPONSE))
                            .process(steps.validateResponse()).id("validate-answer")
                        .end()
                        .process(steps.logAnswer()).id("log-answer")
                        .process(steps.completePendingRequest()).id("complete-pending-request")
                .end()
                .process(CommitOffset.commit()).id("commit-offset");
    }

    private static org.apache.camel.Predicate typeIs(EnvelopeType type) {
        return exchange -> exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header().type() == type;
    }
}
