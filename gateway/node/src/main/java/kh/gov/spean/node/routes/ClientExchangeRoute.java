package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.exchange.AwaitProviderAnswer;
import kh.gov.spean.node.exchange.RegisterPendingExchange;
import kh.gov.spean.node.exchange.SealRequest;
import kh.gov.spean.node.http.CheckClientAccessRight;
import kh.gov.spean.node.http.CheckClientIsLocal;
import kh.gov.spean.node.http.CheckRateLimit;
import kh.gov.spean.node.http.ReadServiceCall;
import kh.gov.spean.node.http.ValidateRequestPayload;
import kh.gov.spean.node.http.WriteServiceResponse;
import kh.gov.spean.node.log.LogSentEnvelope;

/**
 * The client side of a request/response exchange: a ministry system's X-Road REST call in, a signed and sealed
 * envelope out to the provider's inbox, and the provider's verified answer back to the waiting call.
 */
public final class ClientExchangeRoute extends RouteBuilder {

    /** The steps, in the order the design gives them. */
    public record Steps(ReadServiceCall readServiceCall, CheckClientIsLocal checkClientIsLocal, CheckRateLimit checkRateLimit,
                        CheckClientAccessRight checkAccessRight, ValidateRequestPayload validateRequestPayload,
                        SealRequest sealRequest, LogSentEnvelope logSentEnvelope,
                        RegisterPendingExchange registerPendingExchange,
                        AwaitProviderAnswer awaitProviderAnswer, WriteServiceResponse writeServiceResponse) {
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
                .process(steps.checkRateLimit()).id("check-rate-limit")
                .process(steps.checkAccessRight()).id("check-access-right")
                .process(steps.validateRequestPayload()).id("validate-request-before-signing")
                .process(steps.sealRequest()).id("sign-and-seal")
                .process(steps.logSentEnvelope()).id("log-request")
                .process(steps.registerPendingExchange()).id("register-pending")
                .to(endpoints.outbox()).id("publish-to-provider-inbox")
                .process(steps.awaitProviderAnswer()).id("await-provider-answer")
                .process(steps.writeServiceResponse()).id("write-service-response");
    }
}
