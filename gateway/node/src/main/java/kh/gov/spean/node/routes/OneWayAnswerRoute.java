package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.inbox.OpenPayload;
import kh.gov.spean.node.log.LogReceivedEnvelope;
import kh.gov.spean.node.oneway.BindToOneWayMessage;
import kh.gov.spean.node.oneway.CompleteOneWayMessage;

/**
 * At the client's node: the provider's signed receipt (or coded error) for a one-way message, bound to the message by
 * its request hash, opened, logged, and the message's state settled.
 */
public final class OneWayAnswerRoute extends RouteBuilder {

    /** The steps, in order. */
    public record Steps(BindToOneWayMessage bindToOneWayMessage, OpenPayload openPayload, LogReceivedEnvelope logAnswer,
                        CompleteOneWayMessage completeOneWayMessage) {
    }

    private final Steps steps;

    public OneWayAnswerRoute(Steps steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(InboxRoute.ONE_WAY_ANSWER).routeId("one-way-answer").routeConfigurationId(ErrorPolicies.INBOX_REJECTIONS)
                .process(steps.bindToOneWayMessage()).id("bind-to-one-way-message")
                .process(steps.openPayload()).id("open-one-way-answer")
                .process(steps.logAnswer()).id("log-one-way-answer")
                .process(steps.completeOneWayMessage()).id("settle-one-way-message");
    }
}
