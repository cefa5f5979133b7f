package kh.gov.spean.node.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

import kh.gov.spean.node.exchange.KafkaRecord;

/**
 * An answer record addressed to another node of this member (its {@code spean-reply-to} header): that node's caller
 * waits for it, so this node passes over it without a log entry. An answer naming no node is taken by every node.
 */
public final class AnswerForAnotherNode implements Predicate {

    private final String node;

    public AnswerForAnotherNode(String node) {
        this.node = node;
    }

    @Override
    public boolean matches(Exchange exchange) {
        String addressee = KafkaRecord.replyTo(exchange.getMessage());
        return addressee != null && !addressee.equals(node);
    }
}
