package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.inbox.OpenPayload;
import kh.gov.spean.node.inbox.ValidateIncomingPayload;
import kh.gov.spean.node.provider.CheckBackendAnswer;
import kh.gov.spean.node.provider.CheckProviderAccessRight;
import kh.gov.spean.node.provider.PrepareBackendCall;
import kh.gov.spean.node.provider.SealResponse;
import kh.gov.spean.node.provider.ValidateResponsePayload;
import kh.gov.spean.node.log.LogReceivedEnvelope;
import kh.gov.spean.node.log.LogSentEnvelope;

/**
 * The provider side: a verified request is checked for access again, opened, validated, handed to the ministry's
 * connector, and the backend's answer goes back signed and sealed to the client's inbox.
 */
public final class ProvideRoute extends RouteBuilder {

    /** The steps, in the order the design gives them. */
    public record Steps(CheckProviderAccessRight checkAccessRight, OpenPayload openPayload,
                        ValidateIncomingPayload validateRequest, LogReceivedEnvelope logDelivery,
                        PrepareBackendCall prepareBackendCall, CheckBackendAnswer checkBackendAnswer,
                        ValidateResponsePayload validateResponse, SealResponse sealResponse,
                        LogSentEnvelope logResponse) {
    }

    private final NodeEndpoints endpoints;
    private final Steps steps;

    public ProvideRoute(NodeEndpoints endpoints, Steps steps) {
        this.endpoints = endpoints;
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(InboxRoute.PROVIDE).routeId("provide").routeConfigurationId(ErrorPolicies.INBOX_REJECTIONS)
                .process(steps.checkAccessRight()).id("check-access-right-again")
                .process(steps.openPayload()).id("open-request")
                .process(steps.validateRequest()).id("validate-request-again")
                .process(steps.logDelivery()).id("log-delivery")
                .process(steps.prepareBackendCall()).id("prepare-backend-call")
                .recipientList(exchangeProperty(ExchangeKeys.CONNECTOR_ROUTE)).id("call-connector")
                .process(steps.checkBackendAnswer()).id("check-backend-answer")
                .process(steps.validateResponse()).id("validate-backend-answer")
                .process(steps.sealResponse()).id("sign-and-seal-response")
                .process(steps.logResponse()).id("log-response")
                .to(endpoints.outbox()).id("publish-to-client-inbox");
    }
}
