package kh.gov.spean.node.routes;

/**
 * The endpoint URIs a node's routes use, built once from its settings so no host or option is baked into a route.
 *
 * @param restIngress   the platform-http consumer of the X-Road REST ingress
 * @param inbox         the Kafka consumer of this member's inbox topic (requests and events)
 * @param answers       the Kafka consumer of this member's answers topic (responses, receipts, errors)
 * @param outbox        where a route hands a record to the node's Kafka producer ({@link OutboxRoute}); each record
 *                      names its topic (the recipient's inbox)
 */
public record NodeEndpoints(String restIngress, String inbox, String answers, String outbox) {
}
