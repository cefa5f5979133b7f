package kh.gov.spean.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes what only its owner may read — keystores, keystore passwords — into folders only their owner may enter: files
 * 0600, folders 0700, set as they are created, so there is no moment when another account could open them.
 */
public final class OwnerOnlyFiles {

    private static final String FILE = "rw-------";
    private static final String FOLDER = "rwx------";

    private OwnerOnlyFiles() {
    }

    /** Creates the folder and any missing parents, each new one 0700; folders that exist already are left as they are. */
    public static void createDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, attribute(FOLDER));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(absolute);
        }
    }

    /** Writes a secret on one line. */
    public static void writeSecret(Path file, String secret) throws IOException {
        write(file, (secret + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Writes the bytes to a new 0600 file beside {@code file}, then moves it over {@code file} in one atomic step: a
     * reader sees the old content or the new, and never a file another account could have opened.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        Path written;
        try {
            written = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new",
                    attribute(FILE));
        } catch (UnsupportedOperationException notPosix) {
            written = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new");
        }
        try {
            Files.write(written, bytes);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static FileAttribute<Set<java.nio.file.attribute.PosixFilePermission>> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
