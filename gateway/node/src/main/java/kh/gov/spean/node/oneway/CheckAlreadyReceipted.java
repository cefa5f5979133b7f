package kh.gov.spean.node.oneway;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: marks a one-way request this node already receipted, so that its retry is answered without a second delivery;
 * and one whose delivery before a restart has an unknown outcome, so that the backend is told it is a redelivery. A
 * retry of one its backend refused is refused again, without a second hand-over.
 */
public final class CheckAlreadyReceipted implements Processor {

    private final ReceiptedMessages receipted;

    public CheckAlreadyReceipted(ReceiptedMessages receipted) {
        this.receipted = receipted;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        if (receipted.wasRefused(request.header().id())) {
            throw new SpeanException(ErrorCode.BACKEND_REFUSED, "the backend refused this message before; it is not handed over again");
        }
        boolean already = receipted.contains(request.header().id());
        exchange.setProperty(ExchangeKeys.ALREADY_RECEIPTED, already);
        if (!already && receipted.takeUncertain(request.header().id())) {
            exchange.setProperty(ExchangeKeys.REDELIVERY, Boolean.TRUE);
        }
    }
}
