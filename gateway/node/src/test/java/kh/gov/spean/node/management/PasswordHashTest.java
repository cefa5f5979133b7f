package kh.gov.spean.node.management;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @Test
    void a_hash_verifies_its_password_only_and_two_hashes_of_one_password_differ_by_their_salt() {
        String hash = PasswordHash.hash(PASSWORD);

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(PasswordHash.verify(PASSWORD, hash));
        assertFalse(PasswordHash.verify("correct horse battery stapler".toCharArray(), hash));
        assertNotEquals(hash, PasswordHash.hash(PASSWORD));
    }

    @Test
    void an_altered_or_malformed_hash_verifies_nothing() {
        String hash = PasswordHash.hash(PASSWORD);
        String lastCharacter = hash.substring(hash.length() - 1);
        String altered = hash.substring(0, hash.length() - 1) + ("A".equals(lastCharacter) ? "B" : "A");

        assertFalse(PasswordHash.verify(PASSWORD, altered));
        assertFalse(PasswordHash.verify(PASSWORD, hash.replace("argon2id", "argon2i")));
        assertFalse(PasswordHash.verify(PASSWORD, "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA"));
        assertFalse(PasswordHash.verify(PASSWORD, null));
        assertFalse(PasswordHash.isWellFormed("plain text"));
    }
}
