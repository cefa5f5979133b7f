package kh.gov.spean.node.routes;

import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.event.PublishEventCopies;
import kh.gov.spean.node.event.SealEventCopies;
import kh.gov.spean.node.event.WriteEventPublished;
import kh.gov.spean.node.exchange.AwaitProviderAnswer;
import kh.gov.spean.node.exchange.RegisterPendingExchange;
import kh.gov.spean.node.exchange.SealRequest;
import kh.gov.spean.node.http.CheckClientAccessRight;
import kh.gov.spean.node.http.CheckClientIsLocal;
import kh.gov.spean.node.http.CheckOwnCertificate;
import kh.gov.spean.node.http.CheckRateLimit;
import kh.gov.spean.node.http.ReadServiceCall;
import kh.gov.spean.node.http.ServiceCall;
import kh.gov.spean.node.http.ValidateRequestPayload;
import kh.gov.spean.node.http.WriteServiceResponse;
import kh.gov.spean.node.log.LogSentEnvelope;
import kh.gov.spean.node.oneway.AcceptOneWayMessage;
import kh.gov.spean.node.oneway.WriteMessageAccepted;
import kh.gov.spean.node.openapi.ValidateOperation;
import kh.gov.spean.node.operations.RecordExchange;

/**
 * The client side: a ministry system's X-Road REST call in, checked and validated, then by the service's pattern —
 * a request sealed to the provider and its verified answer back to the waiting call; a one-way message stored,
 * answered 202 and delivered until receipted; or an event sealed once per subscriber.
 */
public final class ClientExchangeRoute extends RouteBuilder {

    static final String REQUEST_RESPONSE = "direct:request-response";
    static final String ONE_WAY = "direct:one-way";
    static final String PUBLISH_EVENT = "direct:publish-event";

    /** The steps, in the order the design gives them. */
    public record Steps(ReadServiceCall readServiceCall, CheckClientIsLocal checkClientIsLocal,
                        CheckOwnCertificate checkOwnCertificate, CheckRateLimit checkRateLimit,
                        CheckClientAccessRight checkAccessRight, ValidateOperation validateOperation,
                        ValidateRequestPayload validateRequestPayload,
                        SealRequest sealRequest, LogSentEnvelope logSentEnvelope,
                        RegisterPendingExchange registerPendingExchange,
                        AwaitProviderAnswer awaitProviderAnswer, WriteServiceResponse writeServiceResponse,
                        SealRequest sealOneWayMessage, AcceptOneWayMessage acceptOneWayMessage,
                        WriteMessageAccepted writeMessageAccepted,
                        SealEventCopies sealEventCopies, PublishEventCopies publishEventCopies,
                        WriteEventPublished writeEventPublished, RecordExchange recordExchange) {
    }

    private final NodeEndpoints endpoints;
    private final Steps steps;

    public ClientExchangeRoute(NodeEndpoints endpoints, Steps steps) {
        this.endpoints = endpoints;
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(endpoints.restIngress()).routeId("client-exchange").routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(steps.readServiceCall()).id("read-service-call")
                .process(steps.checkClientIsLocal()).id("check-client-is-local")
                .process(steps.checkOwnCertificate()).id("check-own-certificate-not-revoked")
                .process(steps.checkRateLimit()).id("check-rate-limit")
                .process(steps.checkAccessRight()).id("check-access-right")
                .process(steps.validateOperation()).id("validate-operation-before-signing")
                .process(steps.validateRequestPayload()).id("validate-request-before-signing")
                .choice()
                    .when(patternIs(ServicePattern.ONE_WAY)).to(ONE_WAY).id("to-one-way")
                    .when(patternIs(ServicePattern.EVENT)).to(PUBLISH_EVENT).id("to-publish-event")
                    .otherwise().to(REQUEST_RESPONSE).id("to-request-response")
                .end();

        from(REQUEST_RESPONSE).routeId("request-response").routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(steps.sealRequest()).id("sign-and-seal")
                .process(steps.logSentEnvelope()).id("log-request")
                .process(steps.registerPendingExchange()).id("register-pending")
                .to(endpoints.outbox()).id("publish-to-provider-inbox")
                .process(steps.awaitProviderAnswer()).id("await-provider-answer")
                .process(steps.writeServiceResponse()).id("write-service-response")
                .process(steps.recordExchange()).id("record-answered-call");

        from(ONE_WAY).routeId("one-way").routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(steps.sealOneWayMessage()).id("sign-and-seal-one-way")
                .process(steps.logSentEnvelope()).id("log-one-way")
                .process(steps.acceptOneWayMessage()).id("store-and-dispatch")
                .process(steps.writeMessageAccepted()).id("write-accepted")
                .process(steps.recordExchange()).id("record-accepted-call");

        from(PUBLISH_EVENT).routeId("publish-event").routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(steps.sealEventCopies()).id("seal-a-copy-per-subscriber")
                .process(steps.publishEventCopies()).id("log-and-publish-copies")
                .process(steps.writeEventPublished()).id("write-published")
                .process(steps.recordExchange()).id("record-published-call");
    }

    private static Predicate patternIs(ServicePattern pattern) {
        return exchange -> exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class).service().pattern() == pattern;
    }
}
