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
        // A character inside the hash, not its last: the last base64 character of 32 bytes carries 2 bits a decoder
        // ignores, so changing only those would alter nothing.
        int at = hash.length() - 10;
        String altered = hash.substring(0, at) + (hash.charAt(at) == 'A' ? 'B' : 'A') + hash.substring(at + 1);

        assertFalse(PasswordHash.verify(PASSWORD, altered));
        assertFalse(PasswordHash.verify(PASSWORD, hash.replace("argon2id", "argon2i")));
        assertFalse(PasswordHash.verify(PASSWORD, "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA"));
        assertFalse(PasswordHash.verify(PASSWORD, null));
        assertFalse(PasswordHash.isWellFormed("plain text"));
    }
}
