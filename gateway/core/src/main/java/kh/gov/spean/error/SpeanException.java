package kh.gov.spean.error;

import java.util.Objects;

/** The one exception type of Spean: it always carries an {@link ErrorCode}, and its message is safe to show a caller. */
public class SpeanException extends RuntimeException {

    private final ErrorCode code;

    public SpeanException(ErrorCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SpeanException(ErrorCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** The detail for a caller: never a stack trace, never a payload. */
    public String detail() {
        return getMessage();
    }
}
