package kh.gov.spean.error;

/** Who is at fault, as X-Road's error origins: the caller, or the serving side (a node or a backend). */
public enum ErrorOrigin {
    CLIENT("client"),
    SERVER("server");

    private final String prefix;

    ErrorOrigin(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
