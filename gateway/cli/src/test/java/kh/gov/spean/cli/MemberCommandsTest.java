package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.privacy.SubjectTagKeys;

/**
 * The production way, a member's node and the federation authority in separate folders: the member makes its keys and
 * requests, the authority issues and registers certificates from the requests alone, and the member's node then holds
 * keys the signed configuration names — for a member renewing its keys and for one joining.
 */
class MemberCommandsTest {

    @Test
    void a_member_renews_its_keys_on_its_own_node_and_the_authority_registers_them(@TempDir Path work) throws Exception {
        Path authority = work.resolve("authority");
        assertEquals(0, SpeanCommand.execute("init", "--data", authority.toString()));
        Path node = work.resolve("moi-node");
        Path password = Files.writeString(work.resolve("moi.password"), "kept apart from the keystores");
        Path certificates = work.resolve("moi-certificates");

        run("member", "keys", "--data", node.toString(), "--member", "KH/GOV/MOI", "--keystore-password-file", password.toString());
        Path requests = node.resolve("KH.GOV.MOI");
        run("federation", "sign-csr", "--data", authority.toString(), "--member", "KH/GOV/MOI",
                "--requests", requests.toString(), "--out", certificates.toString());
        run("member", "install-certs", "--data", node.toString(), "--member", "KH/GOV/MOI",
                "--keystore-password-file", password.toString(), "--certificates", certificates.toString(),
                "--ca", FederationFiles.in(authority).caCertificate().toString());
        run("federation", "register", "--data", authority.toString(), "--member", "KH/GOV/MOI",
                "--certificates", certificates.toString());

        MemberKeys keys = MemberFiles.in(node, MemberId.parse("KH/GOV/MOI")).withPasswordFile(password).loadKeys();
        Federation.Member registered = FederationLoader.load(FederationFiles.in(authority), Instant.now())
                .member(MemberId.parse("KH/GOV/MOI")).orElseThrow();
        assertEquals(keys.signingCertificate(), registered.signingCertificate());
        assertEquals(keys.encryptionCertificate(), registered.encryptionCertificate());
        assertEquals(1, registered.previousSigningCertificates().size(), "the replaced signing certificate stays accepted");
        assertTrue(Files.notExists(MemberFiles.in(node, MemberId.parse("KH/GOV/MOI")).developmentPasswordFile()),
                "no password is written beside the keystores");
    }

    @Test
    void a_member_keeps_its_subject_tag_key_across_renewals_and_rotates_it_on_its_own(@TempDir Path work) {
        Path node = work.resolve("moi-node");
        run("init", "--data", node.toString());
        Path keys = MemberFiles.in(node, MemberId.parse("KH/GOV/MOI")).subjectTagKeys();
        SubjectTagKeys first = SubjectTagKeys.load(keys);
        assertEquals(1, first.currentVersion(), "spean init makes each member's first key");

        run("member", "keys", "--data", node.toString(), "--member", "KH/GOV/MOI");
        assertEquals(first.tag("010203040"), SubjectTagKeys.load(keys).tag("010203040"), "renewing keys keeps it");

        run("member", "rotate-subject-key", "--data", node.toString(), "--member", "KH/GOV/MOI");
        SubjectTagKeys rotated = SubjectTagKeys.load(keys);
        assertEquals(2, rotated.currentVersion());
        assertTrue(rotated.tags("010203040").contains(first.tag("010203040")), "lookups still find version 1's tags");
        assertNotEquals(first.tag("010203040"), rotated.tag("010203040"));
    }

    @Test
    void a_ministry_joins_with_its_services_once_its_certificates_are_registered(@TempDir Path work) throws Exception {
        Path seed = work.resolve("federation.json");
        Files.writeString(seed, Files.readString(SpeanHome.seed()).replaceFirst("\"members\": \\[", """
                "members": [
                    {"id": "KH/GOV/MOH", "name": "Ministry of Health", "nameKm": "ក្រសួងសុខាភិបាល", "subsystems": ["HEALTH-REGISTRY"]},"""));
        Path authority = work.resolve("authority");
        assertEquals(0, SpeanCommand.execute("init", "--data", authority.toString()));
        Path node = work.resolve("moh-node");
        Path password = Files.writeString(work.resolve("moh.password"), "the ministry of health's own");

        run("member", "keys", "--data", node.toString(), "--member", "KH/GOV/MOH", "--keystore-password-file", password.toString());
        Path folder = node.resolve("KH.GOV.MOH");
        run("federation", "sign-csr", "--data", authority.toString(), "--member", "KH/GOV/MOH", "--requests", folder.toString());
        run("member", "install-certs", "--data", node.toString(), "--member", "KH/GOV/MOH",
                "--keystore-password-file", password.toString(), "--ca", FederationFiles.in(authority).caCertificate().toString());
        run("federation", "register", "--data", authority.toString(), "--member", "KH/GOV/MOH",
                "--certificates", folder.toString(), "--seed", seed.toString());

        Federation federation = FederationLoader.load(FederationFiles.in(authority), Instant.now());
        assertEquals(6, federation.members().size());
        assertEquals(MemberFiles.in(node, MemberId.parse("KH/GOV/MOH")).withPasswordFile(password).loadKeys()
                .signingCertificate(), federation.member(MemberId.parse("KH/GOV/MOH")).orElseThrow().signingCertificate());
    }

    @Test
    void the_authority_refuses_a_request_naming_another_member_with_its_code(@TempDir Path work) throws Exception {
        Path authority = work.resolve("authority");
        assertEquals(0, SpeanCommand.execute("init", "--data", authority.toString()));
        Path password = Files.writeString(work.resolve("password"), "a password");
        Path node = work.resolve("node");
        run("member", "keys", "--data", node.toString(), "--member", "KH/GOV/MEF", "--keystore-password-file", password.toString());

        CommandRun impersonation = CommandRun.of("federation", "sign-csr", "--data", authority.toString(),
                "--member", "KH/GOV/MOI", "--requests", node.resolve("KH.GOV.MEF").toString());

        assertEquals(2, impersonation.exit());
        assertTrue(impersonation.errors().contains("client.certificate_request_wrong_subject"), impersonation.errors());
        assertTrue(Files.notExists(node.resolve("KH.GOV.MEF/signing.pem")), "no certificate issued");
    }

    @Test
    void a_member_without_a_keystore_password_is_told_where_to_put_one(@TempDir Path work) {
        CommandRun keys = CommandRun.of("member", "keys", "--data", work.toString(), "--member", "KH/GOV/MOI");

        if (System.getenv(MemberFiles.PASSWORD_VARIABLE) == null && System.getenv(MemberFiles.PASSWORD_FILE_VARIABLE) == null) {
            assertEquals(2, keys.exit());
            assertTrue(keys.errors().contains("--keystore-password-file"), keys.errors());
        }
    }

    private static void run(String... arguments) {
        CommandRun run = CommandRun.of(arguments);
        assertEquals(0, run.exit(), String.join(" ", arguments) + ": " + run.errors());
    }
}
