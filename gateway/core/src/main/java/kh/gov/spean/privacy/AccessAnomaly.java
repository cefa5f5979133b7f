package kh.gov.spean.privacy;

import java.time.Instant;

/**
 * One unusual access by an official (decision 0059), found in a provider's message log.
 *
 * @param index        the index of the delivered entry that raised it
 * @param recordedAt   when that entry was recorded
 * @param kind         what is unusual
 * @param clientMember the official's member, e.g. {@code KH/GOV/MEF}
 * @param official     the official: {@code X-Road-UserId} as the client's node signed it, {@code -} when it sent none
 * @param service      the service accessed
 * @param envelopeId   the request's envelope id
 * @param detail       what was counted, in words (never a subject's id or tag)
 */
public record AccessAnomaly(long index, Instant recordedAt, Kind kind, String clientMember, String official,
                            String service, String envelopeId, String detail) {

    /** What is unusual about an access. */
    public enum Kind {
        /** The official's distinct data subjects on one UTC day went over the threshold. */
        SUBJECTS_PER_DAY("subjects_per_day"),
        /** An access to a data subject without an issue (case) number, {@code X-Road-Issue}. */
        NO_ISSUE("no_issue"),
        /** A purpose the official has not declared in any earlier access, once they have a history. */
        UNUSUAL_PURPOSE("unusual_purpose");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
