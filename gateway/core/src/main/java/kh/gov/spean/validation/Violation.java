package kh.gov.spean.validation;

/** One way a payload breaks its schema: where (a JSON path such as {@code $.nationalId}) and what. */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
