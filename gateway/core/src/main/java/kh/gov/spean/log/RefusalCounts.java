package kh.gov.spean.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.id.MemberId;

/**
 * Counts refusals of unauthenticated messages per node, source and code while a window is open, and turns each count
 * into one message-log entry when the window closes (decision 0038): anyone can write garbage to a topic for free, so
 * what a node spends on it must not grow with it, while the log still holds the exact number. The caller keeps the
 * number of sources bounded (a partition, or a member of the federation).
 */
final class RefusalCounts {

    private record Key(MemberId node, String source, ErrorCode code) {
    }

    private static final class Tally {
        final Instant since;
        final String firstDetail;
        long count;

        Tally(Instant since, String firstDetail) {
            this.since = since;
            this.firstDetail = firstDetail;
        }
    }

    private final Map<Key, Tally> open = new LinkedHashMap<>();

    synchronized void add(MemberId node, String source, ErrorCode code, String detail, Instant at) {
        open.computeIfAbsent(new Key(node, source, code), key -> new Tally(at, detail)).count++;
    }

    /** Closes the window: one entry per count, in the order their sources were first seen; none when nothing came. */
    synchronized List<LogEntry> close() {
        List<LogEntry> entries = new ArrayList<>(open.size());
        open.forEach((key, tally) -> entries.add(LogEntries.refusals(key.node(), key.source(), key.code(), tally.count,
                tally.since, tally.firstDetail)));
        open.clear();
        return entries;
    }
}
