package kh.gov.spean.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes secrets (development keystore passwords) readable by their owner only. */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    static void writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n");
    }
}
