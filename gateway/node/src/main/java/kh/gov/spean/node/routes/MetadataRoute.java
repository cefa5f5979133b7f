package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.metadata.AnswerMetaService;

/** X-Road's REST metaservices: {@code GET /listClients}, and listMethods, allowedMethods, getOpenAPI under {@code GET /r1/}. */
public final class MetadataRoute extends RouteBuilder {

    private final AnswerMetaService answerMetaService;

    public MetadataRoute(AnswerMetaService answerMetaService) {
        this.answerMetaService = answerMetaService;
    }

    @Override
    public void configure() {
        from("platform-http:/listClients?httpMethodRestrict=GET").routeId("list-clients")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(answerMetaService).id("answer-list-clients");
        from("platform-http:/r1?matchOnUriPrefix=true&httpMethodRestrict=GET").routeId("metaservices")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(answerMetaService).id("answer-metaservice");
    }
}
