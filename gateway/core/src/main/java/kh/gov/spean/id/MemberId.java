package kh.gov.spean.id;

import java.util.regex.Pattern;

/** A federation member, written {@code INSTANCE/CLASS/MEMBER} as in X-Road, e.g. {@code KH/GOV/MOI}. */
public record MemberId(String instance, String memberClass, String memberCode) {

    static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public MemberId {
        requirePart("instance", instance);
        requirePart("member class", memberClass);
        requirePart("member code", memberCode);
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

    static void requirePart(String what, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": '" + value
                    + "' (letters, digits, '_', '.', '-', at most 64, starting with a letter or digit)");
        }
    }
}
