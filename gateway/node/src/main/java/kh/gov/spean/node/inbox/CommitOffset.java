package kh.gov.spean.node.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: commits the record's offset once everything it caused is durable — its log entry, its hand-off or its refusal —
 * so a node that dies mid-way reads the record again instead of losing it. Also the first step, to set it aside.
 */
public final class CommitOffset implements Processor {

    private final boolean setAside;

    private CommitOffset(boolean setAside) {
        this.setAside = setAside;
    }

    /** The first step of a consumer route: keeps the commit handle, which later steps' header clearing would drop. */
    public static CommitOffset keep() {
        return new CommitOffset(true);
    }

    /** The last step (and the error policy's): commits. */
    public static CommitOffset commit() {
        return new CommitOffset(false);
    }

    @Override
    public void process(Exchange exchange) {
        if (setAside) {
            exchange.setProperty(ExchangeKeys.OFFSET_COMMIT,
                    exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
            return;
        }
        KafkaManualCommit commit = exchange.getProperty(ExchangeKeys.OFFSET_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            exchange.removeProperty(ExchangeKeys.OFFSET_COMMIT);
            commit.commit();
        }
    }
}
