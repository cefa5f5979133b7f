package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.metadata.AnswerMetaService;

/** X-Road's REST metaservices: {@code GET /listClients}, and listMethods, allowedMethods, getOpenAPI under {@code GET /r1/}. */
public final class MetadataRoute extends RouteBuilder {

    /** Where the REST ingress hands a metaservice call ({@code IsMetaserviceCall}): one consumer serves all of /r1. */
    static final String METASERVICE = "direct:metaservice";

    private final AnswerMetaService answerMetaService;

    public MetadataRoute(AnswerMetaService answerMetaService) {
        this.answerMetaService = answerMetaService;
    }

    @Override
    public void configure() {
        from("platform-http:/listClients?httpMethodRestrict=GET").routeId("list-clients")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(answerMetaService).id("answer-list-clients");
        from(METASERVICE).routeId("metaservices")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(answerMetaService).id("answer-metaservice");
    }
}
