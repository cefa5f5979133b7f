package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Every path no other route serves (e.g. {@code /r1/..}, which the HTTP server normalises to {@code /}): refused like
 * any other bad call, with {@code client.unknown_service} as problem+json, rather than the server's bare 404. Added
 * after every other HTTP route, so that it only gets what they do not take.
 */
public final class NoSuchPathRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/?matchOnUriPrefix=true").routeId("no-such-path")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .throwException(new SpeanException(ErrorCode.UNKNOWN_SERVICE,
                        "nothing is served at this path; services are at /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE"))
                .id("refuse-unknown-path");
    }
}
