package kh.gov.spean.cli.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.AnomalyThresholdOptions;
import kh.gov.spean.cli.TerminalText;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.privacy.AccessAnomalies;
import kh.gov.spean.privacy.AccessAnomaly;

/**
 * {@code spean audit anomalies --log DIR}: the unusual accesses per official in a provider's message log (decision
 * 0059), one line each, or JSON; the thresholds are the node's own options.
 */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = "List unusual accesses to data subjects per official in a node's log: distinct subjects per day "
                + "over a threshold, accesses without an issue number, purposes new to the official.")
public final class AuditAnomaliesCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, description = "The node's log folder (DATA/MEMBER/log).")
    Path log;

    @Option(names = "--json", description = "Print a JSON array instead of one line per anomaly.")
    boolean json;

    @Mixin
    AnomalyThresholdOptions thresholds;

    /** One anomaly as printed in JSON, its kind by its wire name. */
    public record Listed(long index, Instant recordedAt, String kind, String clientMember, String official, String service,
                         String envelopeId, String detail) {

        static Listed of(AccessAnomaly anomaly) {
            return new Listed(anomaly.index(), anomaly.recordedAt(), anomaly.kind().wireName(), anomaly.clientMember(),
                    anomaly.official(), anomaly.service(), anomaly.envelopeId(), anomaly.detail());
        }
    }

    @Override
    public Integer call() throws Exception {
        AuditVerifyCommand.requireLogFolder(log);
        List<AccessAnomaly> found = AccessAnomalies.inLog(new LogFiles(log), thresholds.thresholds());
        if (json) {
            System.out.println(TerminalText.lines(SpeanJson.toPrettyString(found.stream().map(Listed::of).toList())));
            return 0;
        }
        for (AccessAnomaly anomaly : found) {
            System.out.println(TerminalText.line(anomaly.recordedAt() + "  entry " + anomaly.index() + "  "
                    + anomaly.kind().wireName() + "  " + anomaly.clientMember() + " " + anomaly.official() + "  "
                    + anomaly.service() + "  " + anomaly.detail()));
        }
        System.out.println(found.size() + " unusual access" + (found.size() == 1 ? "" : "es") + " in " + log);
        return 0;
    }
}
