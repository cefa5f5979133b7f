package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.PurposeCheck;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: the provider's node checks the access right again, trusting nothing the client's node decided: the client
 * subsystem must belong to the member that signed, the service must be this member's, the right must exist, and the
 * signed header must declare what a personal-data service needs ({@link PurposeCheck}).
 */
public final class CheckProviderAccessRight implements Processor {

    private final Federation federation;
    private final MemberId member;
    private final ConnectorCatalog connectors;

    public CheckProviderAccessRight(Federation federation, MemberId member, ConnectorCatalog connectors) {
        this.federation = federation;
        this.member = member;
        this.connectors = connectors;
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader header = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        if (!header.client().member().equals(header.sender())) {
            throw new SpeanException(ErrorCode.ACCESS_DENIED, header.sender() + " signed for "
                    + header.client() + ", a subsystem of another member");
        }
        if (!header.service().member().equals(member)) {
            throw new SpeanException(ErrorCode.UNKNOWN_SERVICE, header.service() + " is not a service of " + member);
        }
        Federation.Service service = federation.service(header.service()).orElseThrow(() -> new SpeanException(
                ErrorCode.UNKNOWN_SERVICE, "no service " + header.service() + " in the federation configuration"));
        if (service.pattern() == ServicePattern.EVENT) {
            throw new SpeanException(ErrorCode.UNKNOWN_SERVICE, header.service() + " is an event: it is published, not called");
        }
        if (!federation.isAllowed(header.client(), header.service())) {
            throw new SpeanException(ErrorCode.ACCESS_DENIED,
                    header.client() + " has no access right to " + header.service());
        }
        RestFields rest = header.rest();
        PurposeCheck.check(federation, header.client(), service, rest == null ? null : rest.purpose(),
                rest == null ? null : rest.userId());
        String route = connectors.routeFor(header.service()).orElseThrow(() -> new SpeanException(
                ErrorCode.UNKNOWN_SERVICE, "no connector on this node serves " + header.service()));
        exchange.setProperty(ExchangeKeys.SERVICE, service);
        exchange.setProperty(ExchangeKeys.CONNECTOR_ROUTE, route);
    }
}
