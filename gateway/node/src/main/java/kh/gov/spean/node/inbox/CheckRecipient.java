package kh.gov.spean.node.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.ExchangeKeys;

/** Step: an envelope addressed to another member is refused, even if it landed in this member's inbox. */
public final class CheckRecipient implements Processor {

    private final MemberId member;

    public CheckRecipient(MemberId member) {
        this.member = member;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope envelope = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        if (!envelope.header().recipient().equals(member)) {
            throw new SpeanException(ErrorCode.WRONG_RECIPIENT,
                    "the envelope is addressed to " + envelope.header().recipient() + ", not " + member);
        }
    }
}
