package kh.gov.spean.node.event;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.provider.ConnectorCatalog;

/**
 * Step, at the subscriber's node: the copy is of an event its sender publishes, the subscriber subsystem it is for has
 * the right to subscribe, and a connector of this member takes it.
 */
public final class CheckSubscription implements Processor {

    private final Federation federation;
    private final ConnectorCatalog connectors;

    public CheckSubscription(Federation federation, ConnectorCatalog connectors) {
        this.federation = federation;
        this.connectors = connectors;
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader copy = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        Federation.Service event = federation.service(copy.service())
                .filter(service -> service.pattern() == ServicePattern.EVENT)
                .orElseThrow(() -> new SpeanException(ErrorCode.UNKNOWN_SERVICE, "no event " + copy.service()));
        exchange.setProperty(ExchangeKeys.SERVICE, event);
        if (!copy.sender().equals(event.id().member())) {
            throw new SpeanException(ErrorCode.ACCESS_DENIED, copy.sender() + " does not publish " + event.id());
        }
        if (!federation.isAllowed(copy.client(), event.id())) {
            throw new SpeanException(ErrorCode.ACCESS_DENIED, copy.client() + " has no right to subscribe to " + event.id());
        }
        String route = connectors.subscriptionRoute(copy.client(), event.id()).orElseThrow(() -> new SpeanException(
                ErrorCode.UNKNOWN_SERVICE, "no connector of " + copy.recipient() + " takes " + event.id()
                + " for " + copy.client()));
        exchange.setProperty(ExchangeKeys.CONNECTOR_ROUTE, route);
    }
}
