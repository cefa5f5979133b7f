package kh.gov.spean.node.routes;

import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.node.oneway.CheckAlreadyReceipted;
import kh.gov.spean.node.oneway.NoteHandedOver;
import kh.gov.spean.node.oneway.RememberReceipt;
import kh.gov.spean.node.oneway.SealReceipt;
import kh.gov.spean.node.openapi.ValidateOperation;
import kh.gov.spean.node.privacy.TagDataSubject;
import kh.gov.spean.node.privacy.WatchAccessAnomalies;
import kh.gov.spean.node.provider.CheckBackendAccepted;

import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.delivery.ClaimDelivery;
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
 * The provider side: a verified request is checked for access again, opened, validated, its data subject tagged, claimed among the member's
 * nodes (so that no two of them hand it over), handed to the ministry's connector, and the backend's answer goes back signed and sealed to the client's inbox. A one-way message gets a
 * signed receipt once its backend accepted it; a retry of one already receipted gets another, without a second delivery.
 */
public final class ProvideRoute extends RouteBuilder {

    static final String ANSWER_REQUEST = "direct:answer-request";
    static final String DELIVER_ONE_WAY = "direct:deliver-one-way";

    /** The steps, in the order the design gives them. */
    public record Steps(CheckProviderAccessRight checkAccessRight, OpenPayload openPayload,
                        ValidateOperation validateOperation, ValidateIncomingPayload validateRequest,
                        TagDataSubject tagDataSubject, ClaimDelivery claimDelivery, LogReceivedEnvelope logDelivery,
                        WatchAccessAnomalies watchAnomalies,
                        PrepareBackendCall prepareBackendCall, CheckBackendAnswer checkBackendAnswer,
                        ValidateOperation validateAnswerOperation, ValidateResponsePayload validateResponse,
                        SealResponse sealResponse,
                        LogSentEnvelope logResponse, CheckAlreadyReceipted checkAlreadyReceipted,
                        NoteHandedOver noteHandedOver, CheckBackendAccepted checkBackendAccepted,
                        SealReceipt sealReceipt, RememberReceipt rememberReceipt) {
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
                .process(steps.validateOperation()).id("validate-operation-again")
                .process(steps.validateRequest()).id("validate-request-again")
                .process(steps.tagDataSubject()).id("tag-data-subject")
                .choice()
                    .when(isOneWay()).to(DELIVER_ONE_WAY).id("to-one-way-delivery")
                    .otherwise().to(ANSWER_REQUEST).id("to-request-answer")
                .end();

        from(ANSWER_REQUEST).routeId("answer-request").routeConfigurationId(ErrorPolicies.INBOX_REJECTIONS)
                .process(steps.claimDelivery()).id("claim-delivery")
                .process(steps.logDelivery()).id("log-delivery")
                .process(steps.watchAnomalies()).id("watch-access-anomalies")
                .process(steps.prepareBackendCall()).id("prepare-backend-call")
                .toD("${exchangeProperty." + ExchangeKeys.CONNECTOR_ROUTE + "}").id("call-connector")
                .process(steps.checkBackendAnswer()).id("check-backend-answer")
                .process(steps.validateAnswerOperation()).id("validate-backend-answer-operation")
                .process(steps.validateResponse()).id("validate-backend-answer")
                .process(steps.sealResponse()).id("sign-and-seal-response")
                .process(steps.logResponse()).id("log-response")
                .to(endpoints.outbox()).id("publish-to-client-inbox");

        from(DELIVER_ONE_WAY).routeId("deliver-one-way").routeConfigurationId(ErrorPolicies.INBOX_REJECTIONS)
                .process(steps.checkAlreadyReceipted()).id("check-already-receipted")
                .filter(exchange -> !exchange.getProperty(ExchangeKeys.ALREADY_RECEIPTED, Boolean.class))
                    .process(steps.logDelivery()).id("log-one-way-delivery")
                    .process(steps.watchAnomalies()).id("watch-one-way-access-anomalies")
                    .process(steps.prepareBackendCall()).id("prepare-one-way-backend-call")
                    .process(steps.noteHandedOver()).id("note-handed-over")
                    .toD("${exchangeProperty." + ExchangeKeys.CONNECTOR_ROUTE + "}").id("call-one-way-connector")
                    .process(steps.checkBackendAccepted()).id("check-backend-accepted")
                .end()
                .process(steps.sealReceipt()).id("sign-and-seal-receipt")
                .process(steps.logResponse()).id("log-sent-receipt")
                .process(steps.rememberReceipt()).id("remember-receipt")
                .to(endpoints.outbox()).id("publish-receipt-to-client-inbox");
    }

    private static Predicate isOneWay() {
        return exchange -> exchange.getProperty(ExchangeKeys.SERVICE, Federation.Service.class).pattern()
                == ServicePattern.ONE_WAY;
    }
}
