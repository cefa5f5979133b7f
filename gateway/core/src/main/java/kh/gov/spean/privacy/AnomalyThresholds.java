package kh.gov.spean.privacy;

/**
 * When an official's accesses count as unusual (decision 0059).
 *
 * @param subjectsPerDay distinct data subjects one official may access on one UTC day before the next one is flagged
 *                       ({@code --anomaly-subjects-per-day}, default {@value #DEFAULT_SUBJECTS_PER_DAY})
 * @param purposeHistory earlier accesses with a purpose an official must have before a purpose new to them is flagged
 *                       ({@code --anomaly-purpose-history}, default {@value #DEFAULT_PURPOSE_HISTORY})
 */
public record AnomalyThresholds(int subjectsPerDay, int purposeHistory) {

    public static final int DEFAULT_SUBJECTS_PER_DAY = 50;
    public static final int DEFAULT_PURPOSE_HISTORY = 20;
    public static final AnomalyThresholds DEFAULTS = new AnomalyThresholds(DEFAULT_SUBJECTS_PER_DAY, DEFAULT_PURPOSE_HISTORY);

    public AnomalyThresholds {
        if (subjectsPerDay < 1) {
            throw new IllegalArgumentException("'anomaly-subjects-per-day' must be positive, was " + subjectsPerDay);
        }
        if (purposeHistory < 1) {
            throw new IllegalArgumentException("'anomaly-purpose-history' must be positive, was " + purposeHistory);
        }
    }
}
