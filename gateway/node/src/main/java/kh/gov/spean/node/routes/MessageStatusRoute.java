package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.oneway.ReadMessageState;

/** {@code GET /messages/{id}}: where a one-way message stands (accepted, delivered with its receipt, failed with a code). */
public final class MessageStatusRoute extends RouteBuilder {

    private static final String MESSAGE_STATUS = "direct:message-status";

    private final ReadMessageState readMessageState;

    public MessageStatusRoute(ReadMessageState readMessageState) {
        this.readMessageState = readMessageState;
    }

    @Override
    public void configure() {
        FixedPaths.get(rest("/messages"), "/{id}", MESSAGE_STATUS, "message-status-rest");
        from(MESSAGE_STATUS).routeId("message-status").routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(readMessageState).id("read-message-state");
    }
}
