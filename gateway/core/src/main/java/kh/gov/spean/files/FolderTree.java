package kh.gov.spean.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a folder and everything under it: the scratch folders of a demo, a bench, an export or a test broker. */
public final class FolderTree {

    private FolderTree() {
    }

    /** Deletes the folder's files before the folders holding them; a file that is gone already is no failure. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
