package kh.gov.spean.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's shared folders are: {@code -Dspean.home} (set by ./spean), else the working directory or a parent of it. */
public final class SpeanHome {

    private SpeanHome() {
    }

    public static Path root() {
        String configured = System.getProperty("spean.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null) {
            if (Files.isDirectory(candidate.resolve("schemas")) && Files.isDirectory(candidate.resolve("seeds"))) {
                return candidate;
            }
            candidate = candidate.getParent();
        }
        return Path.of("").toAbsolutePath();
    }

    public static Path seed() {
        return root().resolve("seeds").resolve("federation.json");
    }

    public static Path schemas() {
        return root().resolve("schemas");
    }

    public static Path connectors() {
        return root().resolve("connectors");
    }
}
