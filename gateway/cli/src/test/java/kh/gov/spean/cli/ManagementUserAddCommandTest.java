package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.management.ManagementUser;
import kh.gov.spean.node.management.ManagementUsers;
import kh.gov.spean.node.management.PasswordHash;

/** {@code spean management user add} writes an Argon2id hash or a token's digest, never the secret itself. */
class ManagementUserAddCommandTest {

    private static final MemberId MOI = MemberId.parse("KH/GOV/MOI");

    @Test
    void adds_an_auditor_whose_password_verifies_and_an_operator_whose_token_is_printed_once(@TempDir Path data)
            throws Exception {
        Files.createDirectories(data.resolve("federation"));
        Path password = Files.writeString(data.resolve("password.txt"), "a long enough passphrase\n");

        CommandRun auditor = CommandRun.of("management", "user", "add", "--data", data.toString(), "--member", "KH/GOV/MOI",
                "--role", "auditor", "--name", "alice", "--password-file", password.toString());
        CommandRun operator = CommandRun.of("management", "user", "add", "--data", data.toString(), "--member", "KH/GOV/MOI",
                "--role", "operator", "--name", "prometheus", "--no-password", "--token");

        assertEquals(0, auditor.exit(), auditor.errors());
        assertEquals(0, operator.exit(), operator.errors());
        Path file = ManagementUsers.fileOf(data, MOI);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String written = Files.readString(file);
        assertFalse(written.contains("a long enough passphrase"), written);
        ManagementUsers users = ManagementUsers.open(file);
        ManagementUser alice = users.byName("alice").orElseThrow();
        assertTrue(alice.passwordHash().startsWith("$argon2id$v=19$"), alice.passwordHash());
        assertTrue(PasswordHash.verify("a long enough passphrase".toCharArray(), alice.passwordHash()));
        assertFalse(PasswordHash.verify("a long enough passphrasE".toCharArray(), alice.passwordHash()));
        String[] lines = operator.output().strip().split("\n");
        String token = lines[lines.length - 1];
        assertFalse(written.contains(token), "the file keeps the token's digest only");
        assertEquals("prometheus", users.byToken(token).orElseThrow().name());
        assertNull(users.byName("prometheus").orElseThrow().passwordHash());
    }

    @Test
    void refuses_a_short_password_an_unknown_role_and_a_user_with_no_way_in(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("federation"));
        Path shortPassword = Files.writeString(data.resolve("password.txt"), "short\n");
        String[] common = {"management", "user", "add", "--data", data.toString(), "--member", "KH/GOV/MOI", "--name", "bob"};

        assertRefusal(CommandRun.of(concat(common, "--role", "auditor", "--password-file", shortPassword.toString())),
                "spean: server.configuration_invalid: setting 'password' must be at least 12 characters");
        assertRefusal(CommandRun.of(concat(common, "--role", "root", "--password-file", shortPassword.toString())),
                "spean: server.configuration_invalid: setting 'role' no such role: root (auditor or operator)");
        assertRefusal(CommandRun.of(concat(common, "--role", "operator", "--no-password")),
                "spean: server.configuration_invalid: setting 'no-password' needs --token: the user would have no way in");
        assertFalse(Files.exists(ManagementUsers.fileOf(data, MOI)), "nothing written");
    }

    private static void assertRefusal(CommandRun run, String line) {
        assertEquals(2, run.exit(), run.output() + run.errors());
        assertTrue(run.errors().contains(line), run.errors());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
