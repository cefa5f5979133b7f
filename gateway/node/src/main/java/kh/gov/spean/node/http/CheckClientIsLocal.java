package kh.gov.spean.node.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.ExchangeKeys;

/** Step: a node signs only for its own member's subsystems; a call naming another member's client is refused. */
public final class CheckClientIsLocal implements Processor {

    private final MemberId member;

    public CheckClientIsLocal(MemberId member) {
        this.member = member;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        if (!call.client().member().equals(member)) {
            throw new SpeanException(ErrorCode.NOT_THIS_NODE, "this node serves " + member + ", not "
                    + call.client().member() + "; call that member's own node");
        }
    }
}
