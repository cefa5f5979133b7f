package kh.gov.spean.node.operations;

import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's operational monitoring records, the most recent {@value #KEPT} kept in memory, queried by member and
 * time at {@code GET /monitoring}: what a monitoring system collects and stores for the longer term.
 */
public final class OperationalMonitoring {

    static final int KEPT = 10_000;

    private final Deque<OperationalRecord> records = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    public void record(OperationalRecord record) {
        records.addLast(record);
        if (size.incrementAndGet() > KEPT && records.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** Records from {@code since} on whose client or service belongs to {@code member} (INSTANCE/CLASS/MEMBER), or all. */
    public List<OperationalRecord> query(String member, Instant since) {
        return records.stream()
                .filter(record -> since == null || !record.responseOutTs().isBefore(since))
                .filter(record -> member == null || belongs(record.client(), member) || belongs(record.service(), member))
                .toList();
    }

    private static boolean belongs(String identifier, String member) {
        return identifier != null && identifier.startsWith(member + "/");
    }
}
