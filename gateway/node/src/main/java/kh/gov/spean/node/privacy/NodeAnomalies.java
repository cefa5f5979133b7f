package kh.gov.spean.node.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.operations.NodeMetrics;
import kh.gov.spean.privacy.AccessAnomalies;
import kh.gov.spean.privacy.AccessAnomaly;
import kh.gov.spean.privacy.AnomalyThresholds;

/**
 * The unusual accesses at this provider's node (decision 0059): its log read once at start, then each delivery as it
 * is logged; each new one counted in the metrics. The auditor's page marks the entries that raised the latest
 * {@value #KEPT} of them.
 */
public final class NodeAnomalies {

    static final int KEPT = 10_000;

    private final AccessAnomalies detector;
    private final NodeMetrics metrics;
    private final ConcurrentSkipListMap<Long, List<AccessAnomaly>> byEntry = new ConcurrentSkipListMap<>();

    private NodeAnomalies(AnomalyThresholds thresholds, NodeMetrics metrics) {
        this.detector = new AccessAnomalies(thresholds);
        this.metrics = metrics;
    }

    /** Reads the node's log so far (what it raised is kept for the page, not counted again in the metrics). */
    public static NodeAnomalies start(LogFiles files, AnomalyThresholds thresholds, NodeMetrics metrics) {
        NodeAnomalies anomalies = new NodeAnomalies(thresholds, metrics);
        try {
            LogReader.forEach(files, stored -> anomalies.keep(anomalies.detector.observe(stored.entry())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message log for unusual accesses", e);
        }
        return anomalies;
    }

    /** A delivery just logged, placed at its index and time. */
    public synchronized void observe(LogEntry delivered) {
        List<AccessAnomaly> found = detector.observe(delivered);
        found.forEach(anomaly -> metrics.accessAnomaly(anomaly.kind().wireName(), anomaly.clientMember()));
        keep(found);
    }

    /** The anomalies entry {@code index} raised, if it is among those kept. */
    public List<AccessAnomaly> at(long index) {
        return byEntry.getOrDefault(index, List.of());
    }

    private void keep(List<AccessAnomaly> found) {
        for (AccessAnomaly anomaly : found) {
            byEntry.computeIfAbsent(anomaly.index(), ignored -> new ArrayList<>()).add(anomaly);
        }
        while (byEntry.size() > KEPT) {
            byEntry.pollFirstEntry();
        }
    }
}
