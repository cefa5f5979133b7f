package kh.gov.spean.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The message log's files under a node's data directory ({@code DIR/MEMBER/log/}): the append-only entries, one JSON
 * line each, and per checkpoint its text, its CMS signature and its RFC 3161 timestamp.
 */
public record LogFiles(Path directory) {

    public Path entries() {
        return directory.resolve("entries.jsonl");
    }

    public Path origin() {
        return directory.resolve("origin");
    }

    public Path checkpoints() {
        return directory.resolve("checkpoints");
    }

    public Path checkpointText(long size) {
        return checkpoints().resolve(size + ".txt");
    }

    public Path checkpointSignature(long size) {
        return checkpoints().resolve(size + ".p7s");
    }

    public Path checkpointTimestamp(long size) {
        return checkpoints().resolve(size + ".tsr");
    }

    /** The sizes of the checkpoints on disk, smallest first. */
    public List<Long> checkpointSizes() {
        if (!Files.isDirectory(checkpoints())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoints())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("[0-9]{1,18}\\.txt"))
                    .map(name -> Long.parseLong(name.substring(0, name.length() - 4)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
