package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * The node's one Kafka producer, for every record its routes and its publisher put on a member's topic. Each
 * {@code .to("kafka:…")} in a route starts a Kafka producer of its own, with its own connection, sender thread, worker
 * pool and metrics: a node had ten for the same topics. Failures go back to the route that published, as they did
 * from its own producer.
 */
public final class OutboxRoute extends RouteBuilder {

    /** Where routes hand a record over; each record names its topic. */
    public static final String PUBLISH = "direct:outbox";

    private final String kafkaProducer;

    /** @param kafkaProducer the camel-kafka producer URI */
    public OutboxRoute(String kafkaProducer) {
        this.kafkaProducer = kafkaProducer;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        from(PUBLISH).routeId("outbox")
                .to(kafkaProducer).id("publish-to-kafka");
    }
}
