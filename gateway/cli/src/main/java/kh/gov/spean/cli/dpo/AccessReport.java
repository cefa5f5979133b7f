package kh.gov.spean.cli.dpo;

import java.time.Instant;
import java.util.List;

/**
 * What the data-protection office tells a citizen: every access to their data that the members' message logs
 * recorded, each line with the evidence an auditor checks it by. It never holds the citizen's id, only a label the
 * citizen recognises (the last digits).
 *
 * @param subjectLabel  how the report names the citizen, e.g. {@code •••••5678}
 * @param generatedAt   when the office assembled the report
 * @param membersAsked  every member whose node was asked, in the order asked
 * @param unanswered    members whose node did not answer (or whose answer did not verify), each with the reason
 * @param lines         the accesses, oldest first
 */
public record AccessReport(String subjectLabel, Instant generatedAt, List<Party> membersAsked,
                           List<Unanswered> unanswered, List<AccessLine> lines) {

    /** A member or subsystem as a citizen reads it: its id and its names in English and Khmer. */
    public record Party(String id, String nameEn, String nameKm) {
    }

    /** A member that gave no answer the office could verify. */
    public record Unanswered(Party member, String reason) {
    }

    /** A purpose from the federation's catalogue, as a citizen reads it. */
    public record Purpose(String code, String nameEn, String nameKm, String legalBasis) {
    }

    /**
     * One access.
     *
     * @param time          when the provider's node delivered the request (its log entry's time)
     * @param provider      the member whose data was read
     * @param service       the service id called
     * @param client        the member that asked
     * @param clientSubsystem the subsystem of that member that asked
     * @param official      the acting official's {@code X-Road-UserId}
     * @param issue         the case or issue number given ({@code X-Road-Issue}), or null
     * @param purpose       the declared purpose
     * @param outcome       what came of it: {@code answered} (with the HTTP status), or the error code
     * @param evidence      where the line's proof is kept
     */
    public record AccessLine(Instant time, Party provider, String service, Party client, String clientSubsystem,
                             String official, String issue, Purpose purpose, String outcome, Evidence evidence) {
    }

    /**
     * The proof of one line: the provider's log entry, its inclusion proof and the signed, timestamped checkpoint it is
     * proved against, kept as files beside the report.
     *
     * @param entryIndex     the entry's index in the provider's log
     * @param checkpointSize the size of the log the checkpoint covers
     * @param files          paths relative to the report's folder: the entry, the proof, the checkpoint, its signature
     *                       and its timestamp
     */
    public record Evidence(long entryIndex, long checkpointSize, List<String> files) {
    }
}
