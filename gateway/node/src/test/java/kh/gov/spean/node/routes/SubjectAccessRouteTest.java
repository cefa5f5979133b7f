package kh.gov.spean.node.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.provider.AnswerSubjectAccesses;

/**
 * A failure inside the built-in subjectAccesses route must reach the provider route's own error policy, as a
 * connector's failure does: with a route-level error handler of its own, Camel would count the failure as handled
 * there, the calling route would never answer it, and the inbox record would be consumed again and again.
 */
class SubjectAccessRouteTest {

    @TempDir
    Path folder;

    @Test
    void a_request_the_route_cannot_answer_fails_into_the_calling_routes_policy() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new SubjectAccessRoute(
                    new AnswerSubjectAccesses(MemberId.parse("KH/GOV/MOI"), null, folder.resolve("subject-tags"))));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:provide")
                            .onException(Exception.class).handled(true)
                                .setBody(exchange -> "refused: " + exchange.getProperty(
                                        org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName())
                            .end()
                            .to(AnswerSubjectAccesses.ROUTE);
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            Object answer = template.requestBody("direct:provide", "{}".getBytes(StandardCharsets.UTF_8));

            assertEquals("refused: " + SpeanException.class.getSimpleName(), answer);
        }
    }
}
