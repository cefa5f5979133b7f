package kh.gov.spean.log;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What an auditor looks for in a message log: entries recorded between two instants, involving a member (as sender,
 * recipient, client or logging node), about a service, with an outcome (the entry's kind — sent, received, delivered,
 * rejected, dead_lettered, alarm — or its result). Any criterion may be null. The most recent {@code limit} matches
 * are returned, newest first.
 */
public record LogQuery(Instant from, Instant to, String member, String service, String outcome, int limit) {

    public List<LogEntry> run(LogFiles files) throws IOException {
        Deque<LogEntry> latest = new ArrayDeque<>();
        LogReader.forEach(files, stored -> {
            if (matches(stored.entry())) {
                latest.addFirst(stored.entry());
                if (latest.size() > limit) {
                    latest.removeLast();
                }
            }
        });
        return new ArrayList<>(latest);
    }

    public boolean matches(LogEntry entry) {
        return (from == null || !entry.recordedAt().isBefore(from))
                && (to == null || entry.recordedAt().isBefore(to))
                && (member == null || involves(entry, member))
                && (service == null || service.equals(entry.service()))
                && (outcome == null || outcome.equals(entry.kind()) || outcome.equals(entry.result()));
    }

    private static boolean involves(LogEntry entry, String member) {
        for (String party : new String[] {entry.sender(), entry.recipient(), entry.client(), entry.node()}) {
            if (party != null && (party.equals(member) || party.startsWith(member + "/"))) {
                return true;
            }
        }
        return false;
    }
}
