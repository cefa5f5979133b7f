package kh.gov.spean;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's shared folders (schemas, seeds, connectors), which Surefire and Failsafe name to every test JVM. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path path() {
        String configured = System.getProperty("spean.repository.root");
        if (configured == null || !Files.isDirectory(Path.of(configured, "schemas"))) {
            throw new IllegalStateException("system property spean.repository.root must name the repository (the build sets it)");
        }
        return Path.of(configured);
    }
}
