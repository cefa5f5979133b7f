package kh.gov.spean.node.oneway;

/** Where a client follows a one-way message: {@code GET /messages/{id}}. */
public final class MessageStatusPath {

    public static final String PREFIX = "/messages/";

    private MessageStatusPath() {
    }

    public static String of(String id) {
        return PREFIX + id;
    }
}
