package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;

import kh.gov.spean.node.http.WriteProblemResponse;

/**
 * The management port's error policy, under the same id as the edge's ({@link ErrorPolicies#HTTP_PROBLEMS}) so that
 * the audit and operations routes opt into it unchanged: problem+json with the code, recorded as the edge's are.
 */
public final class ManagementErrorPolicy extends RouteConfigurationBuilder {

    private final WriteProblemResponse writeProblemResponse;

    public ManagementErrorPolicy(WriteProblemResponse writeProblemResponse) {
        this.writeProblemResponse = writeProblemResponse;
    }

    @Override
    public void configuration() {
        routeConfiguration(ErrorPolicies.HTTP_PROBLEMS)
                .onException(Exception.class).handled(true)
                .process(writeProblemResponse).id("write-management-problem");
    }
}
