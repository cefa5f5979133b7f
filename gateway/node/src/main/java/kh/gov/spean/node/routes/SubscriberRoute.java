package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.event.CheckSubscription;
import kh.gov.spean.node.inbox.OpenPayload;
import kh.gov.spean.node.inbox.ValidateIncomingPayload;
import kh.gov.spean.node.log.LogReceivedEnvelope;
import kh.gov.spean.node.openapi.ValidateOperation;
import kh.gov.spean.node.provider.CheckBackendAccepted;
import kh.gov.spean.node.provider.PrepareBackendCall;

/**
 * At a subscriber's node: its copy of an event is checked against the subscription, opened, validated against the
 * event's schema, logged as delivered, and handed to the connector that takes it. The hand-over is a step of its own,
 * so that a backend that failed transiently gets the copy again, in place (decision 0039).
 */
public final class SubscriberRoute extends RouteBuilder {

    /** The steps, in order. */
    public record Steps(CheckSubscription checkSubscription, OpenPayload openPayload,
                        ValidateOperation validateOperation, ValidateIncomingPayload validateEvent,
                        LogReceivedEnvelope logDelivery,
                        PrepareBackendCall prepareBackendCall, CheckBackendAccepted checkBackendAccepted) {
    }

    static final String HAND_OVER_EVENT_COPY = "direct:hand-over-event-copy";

    private final Steps steps;

    public SubscriberRoute(Steps steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(InboxRoute.RECEIVE_EVENT).routeId("receive-event").routeConfigurationId(ErrorPolicies.EVENT_COPY_REJECTIONS)
                .process(steps.checkSubscription()).id("check-subscription")
                .process(steps.openPayload()).id("open-event")
                .process(steps.validateOperation()).id("validate-event-operation")
                .process(steps.validateEvent()).id("validate-event")
                .process(steps.logDelivery()).id("log-event-delivery")
                .to(HAND_OVER_EVENT_COPY).id("to-event-copy-hand-over");

        // No error handler of its own: a failure goes back to receive-event, whose policy redelivers this whole step
        // (each attempt prepared afresh from the exchange's properties) or sets the copy aside.
        from(HAND_OVER_EVENT_COPY).routeId("hand-over-event-copy").errorHandler(noErrorHandler())
                .process(steps.prepareBackendCall()).id("prepare-subscriber-call")
                .toD("${exchangeProperty." + ExchangeKeys.CONNECTOR_ROUTE + "}").id("call-subscriber-connector")
                .process(steps.checkBackendAccepted()).id("check-subscriber-accepted");
    }
}
