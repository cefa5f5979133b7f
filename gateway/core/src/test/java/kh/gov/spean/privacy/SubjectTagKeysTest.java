package kh.gov.spean.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectTagKeysTest {

    @TempDir
    Path folder;

    @Test
    void a_tag_names_its_key_version_and_never_holds_the_id() {
        SubjectTagKeys keys = SubjectTagKeys.createIfAbsent(folder.resolve("tags"));

        String tag = keys.tag("012345678");

        assertTrue(tag.startsWith("v1:"), tag);
        assertFalse(tag.contains("012345678"), tag);
        assertTrue(SubjectTagKeys.isTag(tag), tag);
        assertEquals(tag, keys.tag("0123-45 678"), "spacing and hyphens do not change the person");
        assertNotEquals(tag, keys.tag("012345679"));
    }

    @Test
    void two_members_tag_the_same_citizen_differently() {
        SubjectTagKeys moi = SubjectTagKeys.createIfAbsent(folder.resolve("moi"));
        SubjectTagKeys mef = SubjectTagKeys.createIfAbsent(folder.resolve("mef"));

        assertNotEquals(moi.tag("012345678"), mef.tag("012345678"));
    }

    @Test
    void after_a_rotation_new_tags_use_the_new_key_and_lookups_still_find_the_old_ones() throws Exception {
        Path tags = folder.resolve("tags");
        String before = SubjectTagKeys.createIfAbsent(tags).tag("012345678");

        SubjectTagKeys rotated = SubjectTagKeys.rotate(tags);

        assertEquals(2, rotated.currentVersion());
        String after = rotated.tag("012345678");
        assertTrue(after.startsWith("v2:"), after);
        assertNotEquals(before, after);
        assertEquals(List.of(after, before), rotated.tags("012345678"));
        assertEquals(rotated.tags("012345678"), SubjectTagKeys.load(tags).tags("012345678"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tags.resolve("v2.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tags)));
    }

    @Test
    void without_a_key_there_is_no_tag() {
        SubjectTagKeys none = SubjectTagKeys.load(folder.resolve("absent"));

        assertTrue(none.isEmpty());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> none.tag("012345678"));
        assertTrue(refused.getMessage().contains("no subject tag key"), refused.getMessage());
    }

    @Test
    void a_key_file_of_the_wrong_length_is_refused() throws Exception {
        Files.write(folder.resolve("v1.key"), new byte[16]);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SubjectTagKeys.load(folder));
        assertTrue(refused.getMessage().contains("32-byte"), refused.getMessage());
    }

    @Test
    void only_well_formed_tags_are_tags() {
        assertFalse(SubjectTagKeys.isTag("v1:abc"));
        assertFalse(SubjectTagKeys.isTag("012345678"));
        assertFalse(SubjectTagKeys.isTag(null));
    }
}
