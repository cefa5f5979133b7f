package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;

import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.WriteProblemResponse;
import kh.gov.spean.node.inbox.CommitOffset;
import kh.gov.spean.node.inbox.HandleInboxRejection;
import kh.gov.spean.node.log.LogSentEnvelope;
import kh.gov.spean.node.operations.RecordExchange;

/** The node's two error policies, which routes opt into: problem+json at the HTTP edge, coded rejection in the inbox. */
public final class ErrorPolicies extends RouteConfigurationBuilder {

    public static final String HTTP_PROBLEMS = "http-problems";
    public static final String INBOX_REJECTIONS = "inbox-rejections";

    private final WriteProblemResponse writeProblemResponse;
    private final HandleInboxRejection handleInboxRejection;
    private final LogSentEnvelope logSentEnvelope;
    private final NodeEndpoints endpoints;
    private final RecordExchange recordExchange;

    public ErrorPolicies(WriteProblemResponse writeProblemResponse, HandleInboxRejection handleInboxRejection,
                         LogSentEnvelope logSentEnvelope, NodeEndpoints endpoints, RecordExchange recordExchange) {
        this.writeProblemResponse = writeProblemResponse;
        this.handleInboxRejection = handleInboxRejection;
        this.logSentEnvelope = logSentEnvelope;
        this.endpoints = endpoints;
        this.recordExchange = recordExchange;
    }

    @Override
    public void configuration() {
        routeConfiguration(HTTP_PROBLEMS)
                .onException(Exception.class).handled(true)
                .process(writeProblemResponse).id("write-problem-response")
                .process(recordExchange).id("record-refused-call");

        routeConfiguration(INBOX_REJECTIONS)
                .onException(Exception.class).handled(true)
                .process(handleInboxRejection).id("handle-inbox-rejection")
                .filter(exchangeProperty(ExchangeKeys.ERROR_REPLY))
                    .process(logSentEnvelope).id("log-error-reply")
                    .to(endpoints.outbox()).id("publish-error-reply")
                .end()
                .process(CommitOffset.commit()).id("commit-refused-offset");
    }
}
