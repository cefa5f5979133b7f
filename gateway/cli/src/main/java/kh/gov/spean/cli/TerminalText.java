package kh.gov.spean.cli;

/**
 * Makes text read from a log or a record safe to print on a terminal: control characters (C0 but the line breaks a
 * command prints itself, DEL, C1, and the bidirectional overrides that reorder what is shown) become visible
 * {@code \}{@code uXXXX} escapes, so a tampered log can neither send an escape sequence to the auditor's terminal nor
 * make one line look like another.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** One line: every control character escaped, line breaks included. */
    public static String line(Object value) {
        return escape(String.valueOf(value), false);
    }

    /** Text of several lines (pretty-printed JSON): line feeds kept, every other control character escaped. */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineFeeds) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && !(keepLineFeeds && c == '\n')) || (c >= 0x7f && c <= 0x9f)
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u200e' || c == '\u200f' || c == '\u061c';
            if (control && safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (control) {
                safe.append(String.format("\\u%04x", (int) c));
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }
}
