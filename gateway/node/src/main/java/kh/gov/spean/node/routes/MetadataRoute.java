package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;

import kh.gov.spean.node.metadata.AnswerMetaService;

/**
 * X-Road's REST metaservices, in the Rest DSL: {@code GET /listClients}, and {@code GET /r1/{instance}/{memberClass}/}
 * {@code {memberCode}/{subsystemCode}/listMethods | allowedMethods | getOpenAPI} (X-Road reserves those service codes).
 */
public final class MetadataRoute extends RouteBuilder {

    private static final String METASERVICE = "direct:metaservice";

    private final AnswerMetaService answerMetaService;

    public MetadataRoute(AnswerMetaService answerMetaService) {
        this.answerMetaService = answerMetaService;
    }

    @Override
    public void configure() {
        FixedPaths.get(rest(), "/listClients", METASERVICE, "list-clients");
        RestDefinition subsystem = rest("/r1/{xRoadInstance}/{memberClass}/{memberCode}/{subsystemCode}");
        for (String metaservice : new String[] {"listMethods", "allowedMethods", "getOpenAPI"}) {
            FixedPaths.get(subsystem, "/" + metaservice, METASERVICE, metaservice);
        }
        from(METASERVICE).routeId("metaservices")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(answerMetaService).id("answer-metaservice");
    }
}
