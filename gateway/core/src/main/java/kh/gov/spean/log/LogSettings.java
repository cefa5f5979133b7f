package kh.gov.spean.log;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a message log lives and how often it checkpoints.
 *
 * @param origin             the log's unique name in its checkpoints, e.g. {@code spean.gov.kh/KH/GOV/MOI/node-1}
 * @param checkpointEvery    entries between checkpoints (default 1000)
 * @param checkpointInterval time between checkpoints when entries arrived (default 10 s)
 */
public record LogSettings(Path directory, String origin, long checkpointEvery, Duration checkpointInterval) {

    public static final long DEFAULT_CHECKPOINT_EVERY = 1000;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final String ORIGIN_PREFIX = "spean.gov.kh/";

    public static String originOf(String member, String nodeName) {
        return ORIGIN_PREFIX + member + "/" + nodeName;
    }

    /** The member ({@code INSTANCE/CLASS/MEMBER}) whose node keeps the log of this origin, or "" if it names none. */
    public static String memberOf(String origin) {
        if (origin == null || !origin.startsWith(ORIGIN_PREFIX)) {
            return "";
        }
        String[] parts = origin.substring(ORIGIN_PREFIX.length()).split("/");
        return parts.length < 3 ? "" : parts[0] + "/" + parts[1] + "/" + parts[2];
    }
}
