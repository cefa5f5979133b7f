package kh.gov.spean.node.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;

import kh.gov.spean.node.ErrorClassifier;

import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.WriteProblemResponse;
import kh.gov.spean.node.inbox.CommitOffset;
import kh.gov.spean.node.inbox.HandleInboxRejection;
import kh.gov.spean.node.log.LogSentEnvelope;
import kh.gov.spean.node.operations.RecordExchange;

/**
 * The node's error policies, which routes opt into: problem+json at the HTTP edge; coded rejection in the inbox; and
 * for event copies the same rejection, but only after a transient failure was redelivered in place (see
 * {@link Redelivery#EVENT_COPIES}).
 */
public final class ErrorPolicies extends RouteConfigurationBuilder {

    public static final String HTTP_PROBLEMS = "http-problems";
    public static final String INBOX_REJECTIONS = "inbox-rejections";
    public static final String EVENT_COPY_REJECTIONS = "event-copy-rejections";

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

        rejectInTheInbox(routeConfiguration(INBOX_REJECTIONS).onException(Exception.class), "");

        // A subscriber's backend that failed transiently is tried again in place, the failed step only (the copy's
        // hand-over, see SubscriberRoute); a permanent failure, or one that outlasts the retries, is handled as above.
        Redelivery retry = Redelivery.EVENT_COPIES;
        RouteConfigurationDefinition eventCopies = routeConfiguration(EVENT_COPY_REJECTIONS);
        rejectInTheInbox(eventCopies.onException(Exception.class)
                .onWhen(exchange -> ErrorClassifier.isTransient(exchange.getException()))
                .maximumRedeliveries(retry.retries())
                .redeliveryDelay(retry.firstDelay().toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(false), "-after-retries");
        rejectInTheInbox(eventCopies.onException(Exception.class), "-of-event-copy");
    }

    /** Refuses the message with its code, answers an authentic request, sets an event copy aside, commits the offset. */
    private void rejectInTheInbox(OnExceptionDefinition failure, String idSuffix) {
        failure.handled(true)
                .process(handleInboxRejection).id("handle-inbox-rejection" + idSuffix)
                .filter(exchangeProperty(ExchangeKeys.ERROR_REPLY))
                    .process(logSentEnvelope).id("log-error-reply" + idSuffix)
                    .to(endpoints.outbox()).id("publish-error-reply" + idSuffix)
                .end()
                .process(CommitOffset.commit()).id("commit-refused-offset" + idSuffix);
    }
}
