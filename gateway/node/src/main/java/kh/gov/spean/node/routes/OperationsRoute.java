package kh.gov.spean.node.routes;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.operations.WriteMetrics;
import kh.gov.spean.node.operations.ReadOperationalData;
import kh.gov.spean.node.operations.WriteHealth;

/**
 * What operators poll, on the management port: {@code GET /metrics} (Prometheus text), {@code GET /health} (readiness:
 * log, Kafka, timestamp authority), {@code GET /health/live} (the process answers; open to anyone) and
 * {@code GET /monitoring} (operational records).
 */
public final class OperationsRoute extends RouteBuilder {

    private final WriteMetrics writeMetrics;
    private final WriteHealth writeHealth;
    private final ReadOperationalData readOperationalData;

    public OperationsRoute(WriteMetrics writeMetrics, WriteHealth writeHealth, ReadOperationalData readOperationalData) {
        this.writeMetrics = writeMetrics;
        this.readOperationalData = readOperationalData;
        this.writeHealth = writeHealth;
    }

    @Override
    public void configure() {
        from("platform-http:/metrics?httpMethodRestrict=GET").routeId("metrics")
                .process(writeMetrics).id("write-metrics");
        from("platform-http:/health?httpMethodRestrict=GET").routeId("health")
                .process(writeHealth).id("write-health");
        from("platform-http:/monitoring?httpMethodRestrict=GET").routeId("operational-monitoring")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(readOperationalData).id("read-operational-data");
        from("platform-http:/health/live?httpMethodRestrict=GET").routeId("liveness")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant("{\"status\":\"UP\"}")).id("write-liveness");
    }
}
