package kh.gov.spean.cli;

import picocli.CommandLine.Option;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.privacy.AnomalyThresholds;

/** When an official's accesses count as unusual (decision 0059): the same options for a node and for the audit command. */
public final class AnomalyThresholdOptions {

    @Option(names = "--anomaly-subjects-per-day", defaultValue = "" + AnomalyThresholds.DEFAULT_SUBJECTS_PER_DAY,
            description = "Distinct data subjects one official may access in a UTC day before the next access is "
                    + "flagged as unusual (default: ${DEFAULT-VALUE}).")
    int subjectsPerDay;

    @Option(names = "--anomaly-purpose-history", defaultValue = "" + AnomalyThresholds.DEFAULT_PURPOSE_HISTORY,
            description = "Accesses with a purpose an official must have made before a purpose new to them is flagged "
                    + "as unusual (default: ${DEFAULT-VALUE}).")
    int purposeHistory;

    /** The thresholds; a value out of range is refused with its setting's name. */
    public AnomalyThresholds thresholds() {
        try {
            return new AnomalyThresholds(subjectsPerDay, purposeHistory);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting " + e.getMessage());
        }
    }
}
