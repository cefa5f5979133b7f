package kh.gov.spean.node.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.PurposeCheck;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: the client's node checks the access right, and the declared purpose and official a personal-data service
 * needs ({@link PurposeCheck}), before anything is signed or sent (the provider checks again). An event is published
 * only by the subsystem that owns it.
 */
public final class CheckClientAccessRight implements Processor {

    private final Federation federation;

    public CheckClientAccessRight(Federation federation) {
        this.federation = federation;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        if (call.service().pattern() == ServicePattern.EVENT) {
            if (!call.client().equals(call.service().id().subsystem())) {
                throw new SpeanException(ErrorCode.ACCESS_DENIED, "only " + call.service().id().subsystem()
                        + " publishes " + call.service().id() + "; " + call.client() + " may only subscribe to it");
            }
        } else if (!federation.isAllowed(call.client(), call.service().id())) {
            throw new SpeanException(ErrorCode.ACCESS_DENIED,
                    call.client() + " has no access right to " + call.service().id());
        }
        PurposeCheck.check(federation, call.client(), call.service(), call.fields().purpose(), call.fields().userId());
    }
}
