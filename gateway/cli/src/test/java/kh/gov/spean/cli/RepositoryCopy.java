package kh.gov.spean.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the repository's seeds, schemas and connectors, made the spean home while a test scaffolds into it. */
final class RepositoryCopy implements AutoCloseable {

    private final Path root;
    private final String previousHome;

    private RepositoryCopy(Path root) {
        this.root = root;
        this.previousHome = System.getProperty("spean.home");
        System.setProperty("spean.home", root.toString());
    }

    static RepositoryCopy in(Path folder) throws IOException {
        Path root = folder.resolve("spean");
        for (String part : new String[] {"seeds", "schemas", "connectors"}) {
            copy(SpeanHome.root().resolve(part), root.resolve(part));
        }
        return new RepositoryCopy(root);
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        if (previousHome == null) {
            System.clearProperty("spean.home");
        } else {
            System.setProperty("spean.home", previousHome);
        }
    }

    /** Copies the folder {@code from} and all below it to {@code to}. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
