package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.provider.AnswerSubjectAccesses;

/**
 * The connector every node has without a connector folder: the data-protection office's {@code subjectAccesses}
 * requests, answered from the node's own message log (decision 0060). It is called like a connector's route, after the
 * request was verified, access-checked, validated and logged as delivered, and its answer goes back signed and sealed.
 */
public final class SubjectAccessRoute extends RouteBuilder {

    private final AnswerSubjectAccesses answer;

    public SubjectAccessRoute(AnswerSubjectAccesses answer) {
        this.answer = answer;
    }

    @Override
    public void configure() {
        // No error handler of its own, as connectors' routes have none: a failure goes back to the provider route,
        // whose policy answers it coded and commits the record (with one here, the record would be read again forever).
        from(AnswerSubjectAccesses.ROUTE).routeId("subject-accesses").errorHandler(noErrorHandler())
                .process(answer).id("answer-subject-accesses");
    }
}
