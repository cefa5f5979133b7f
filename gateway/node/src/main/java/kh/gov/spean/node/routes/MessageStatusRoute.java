package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.oneway.ReadMessageState;

/** {@code GET /messages/{id}}: where a one-way message stands (accepted, delivered with its receipt, failed with a code). */
public final class MessageStatusRoute extends RouteBuilder {

    private final NodeEndpoints endpoints;
    private final ReadMessageState readMessageState;

    public MessageStatusRoute(NodeEndpoints endpoints, ReadMessageState readMessageState) {
        this.endpoints = endpoints;
        this.readMessageState = readMessageState;
    }

    @Override
    public void configure() {
        from(endpoints.messageStatus()).routeId("message-status").routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(readMessageState).id("read-message-state");
    }
}
