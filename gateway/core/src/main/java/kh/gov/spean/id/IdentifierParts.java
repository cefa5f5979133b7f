package kh.gov.spean.id;

/** Splits a slash-separated identifier into exactly its expected number of parts. */
final class IdentifierParts {

    private IdentifierParts() {
    }

    static String[] split(String text, int count, String what, String form) {
        if (text == null) {
            throw new IllegalArgumentException("missing " + what + " identifier (" + form + ")");
        }
        String[] parts = text.split("/", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException("invalid " + what + " identifier '" + text + "': expected " + form);
        }
        return parts;
    }
}
