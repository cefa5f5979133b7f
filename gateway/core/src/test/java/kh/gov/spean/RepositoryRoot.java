package kh.gov.spean;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's shared folders (schemas, seeds, connectors) from a test. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path path() {
        String configured = System.getProperty("spean.repository.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "schemas"))) {
            return Path.of(configured);
        }
        for (Path candidate = Path.of("").toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("schemas")) && Files.isDirectory(candidate.resolve("seeds"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with schemas/ and seeds/)");
    }
}
