package kh.gov.spean.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {

    @Test
    void deletes_a_folder_with_the_files_and_folders_under_it(@TempDir Path scratch) throws Exception {
        Path folder = scratch.resolve("broker");
        Files.createDirectories(folder.resolve("logs/inbox-0"));
        Files.writeString(folder.resolve("logs/inbox-0/00000000000000000000.log"), "records");
        Files.writeString(folder.resolve("server.properties"), "node.id=1");
        Path beside = Files.writeString(scratch.resolve("beside.txt"), "kept");

        FolderTree.delete(folder);

        assertFalse(Files.exists(folder));
        assertTrue(Files.exists(beside));
    }

    @Test
    void a_folder_that_is_gone_already_is_no_failure(@TempDir Path scratch) throws Exception {
        Path gone = scratch.resolve("never-made");

        FolderTree.delete(gone);

        assertFalse(Files.exists(gone));
    }
}
