package kh.gov.spean.id;

import java.util.regex.Pattern;

/** A federation member, written {@code INSTANCE/CLASS/MEMBER} as in X-Road, e.g. {@code KH/GOV/MOI}. */
public record MemberId(String instance, String memberClass, String memberCode) {

    static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /**
     * A member's own parts name its Kafka topics and folders joined by dots: no dots or underscores in them, or
     * {@code KH/GOV.X/A} and {@code KH/GOV/X.A} would share a topic (and Kafka treats '.' and '_' as colliding).
     */
    static final Pattern MEMBER_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    public MemberId {
        requireMemberPart("instance", instance);
        requireMemberPart("member class", memberClass);
        requireMemberPart("member code", memberCode);
    }

    /** Parses {@code INSTANCE/CLASS/MEMBER}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static MemberId parse(String text) {
        String[] parts = IdentifierParts.split(text, 3, "member", "INSTANCE/CLASS/MEMBER");
        return new MemberId(parts[0], parts[1], parts[2]);
    }

    /** The member's part of Kafka topic names: {@code INSTANCE.CLASS.MEMBER}. */
    public String topicSuffix() {
        return instance + "." + memberClass + "." + memberCode;
    }

    /** The name used for this member's folder in a data directory: {@code INSTANCE.CLASS.MEMBER}. */
    public String folderName() {
        return topicSuffix();
    }

    @Override
    public String toString() {
        return instance + "/" + memberClass + "/" + memberCode;
    }

    private static void requireMemberPart(String what, String value) {
        if (value == null || !MEMBER_PART.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": '" + value
                    + "' (letters, digits and '-', at most 64, starting with a letter or digit)");
        }
    }

    static void requirePart(String what, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": '" + value
                    + "' (letters, digits, '_', '.', '-', at most 64, starting with a letter or digit)");
        }
    }
}
