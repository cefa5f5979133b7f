package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.management.ServeStaticResource;

/**
 * The management port's own pages: {@code GET /login}, the static files under {@code /static/}, and every other path
 * refused with {@code client.unknown_service} (added after the audit and operations routes, so it gets only what they
 * do not take).
 */
public final class ManagementRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/login?httpMethodRestrict=GET").routeId("management-login-page")
                .process(ServeStaticResource.loginPage()).id("serve-login-page");
        from("platform-http:/static?matchOnUriPrefix=true&httpMethodRestrict=GET").routeId("management-static")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(ServeStaticResource.byPath()).id("serve-static-resource");
        from("platform-http:/?matchOnUriPrefix=true").routeId("management-no-such-path")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .throwException(new SpeanException(ErrorCode.UNKNOWN_SERVICE,
                        "nothing is served at this path; the management port serves /audit, /metrics, /monitoring, "
                                + "/health and /login"))
                .id("refuse-unknown-management-path");
    }
}
