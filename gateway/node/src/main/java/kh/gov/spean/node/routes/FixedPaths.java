package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The edge's fixed HTTP shapes — {@code GET /messages/{id}}, {@code GET /listClients}, the metaservices under
 * {@code /r1/} — in Camel's Rest DSL, on the edge's own platform-http server (TLS, client certificates and all). Each
 * path answers its GET; any other method there is answered {@code 405} with {@code Allow: GET} and X-Road's error
 * ({@code client.method_not_allowed}), like every refusal of the node. Their routes are added before the REST
 * ingress's, so that the ingress, which takes all of {@code /r1}, does not take a metaservice path first.
 */
public final class FixedPaths extends RouteBuilder {

    /** Where a method a fixed path does not serve goes: refused with 405 and {@code Allow: GET}. */
    static final String GET_ONLY = "direct:get-only";

    private static final String[] OTHER_METHODS = {"post", "put", "patch", "delete", "head"};

    @Override
    public void configure() {
        // inlineRoutes off: one refusal route serves every fixed path, which inlining (one route per verb) forbids.
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).inlineRoutes(false);

        from(GET_ONLY).routeId("method-not-allowed").routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .onCompletion().modeBeforeConsumer()
                    .setHeader("Allow", constant("GET")).id("allow-get")
                .end()
                .throwException(new SpeanException(ErrorCode.METHOD_NOT_ALLOWED,
                        "this path answers GET only (Allow: GET)")).id("refuse-method");
    }

    /** {@code GET path} to {@code route}; every other method of {@code path} refused. */
    static void get(RestDefinition rest, String path, String route, String routeId) {
        rest.get(path).routeId(routeId).to(route);
        for (String method : OTHER_METHODS) {
            rest.verb(method, path).routeId(routeId + "-" + method + "-refused").to(GET_ONLY);
        }
    }
}
