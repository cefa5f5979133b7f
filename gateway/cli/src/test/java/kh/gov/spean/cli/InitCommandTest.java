package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.federation.AuthorityFiles;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.privacy.SubjectTagKeys;

class InitCommandTest {

    @Test
    void init_generates_a_signed_federation_and_password_protected_keystores_for_every_member(@TempDir Path data)
            throws Exception {
        assertEquals(0, SpeanCommand.execute("init", "--data", data.toString()));

        FederationFiles files = FederationFiles.in(data);
        assertTrue(Files.isRegularFile(files.signature()));
        assertEquals(5, FederationLoader.load(files, Instant.now()).members().size());
        for (String member : new String[] {"KH/GOV/MOI", "KH/GOV/MEF", "KH/GOV/MPTC", "KH/GOV/MLMUPC", "KH/GOV/DPO"}) {
            MemberFiles keys = MemberFiles.in(data, MemberId.parse(member));
            assertTrue(Files.isRegularFile(keys.signingKeystore()));
            assertTrue(Files.isRegularFile(keys.encryptionKeystore()));
            assertFalse(Files.getPosixFilePermissions(keys.developmentPasswordFile()).contains(PosixFilePermission.OTHERS_READ));
            assertEquals(MemberId.parse(member), keys.loadKeys().member());
        }
        assertFalse(Files.readString(files.configuration()).contains("PRIVATE KEY"));
    }

    @Test
    void after_init_each_member_folder_holds_its_own_keys_only_and_the_authority_keys_sit_in_none(@TempDir Path data)
            throws Exception {
        assertEquals(0, SpeanCommand.execute("init", "--data", data.toString()));

        List<String> members = List.of("KH/GOV/MOI", "KH/GOV/MEF", "KH/GOV/MPTC", "KH/GOV/MLMUPC");
        Path authority = AuthorityFiles.in(data).directory();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authority)));
        for (String member : members) {
            MemberFiles files = MemberFiles.in(data, MemberId.parse(member));
            assertFalse(files.directory().startsWith(authority) || authority.startsWith(files.directory()));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory())));
            char[] password = Files.readString(files.developmentPasswordFile()).trim().toCharArray();
            List<Path> keystores = new ArrayList<>();
            try (Stream<Path> tree = Files.walk(files.directory())) {
                for (Path file : tree.filter(Files::isRegularFile).toList()) {
                    if (file.toString().endsWith(".p12")) {
                        keystores.add(file);
                    } else if (file.startsWith(files.subjectTagKeys())) {
                        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                                "its key for blinding data subjects, " + file);
                    } else {
                        assertFalse(Files.readString(file).contains("PRIVATE KEY"), file + " holds a private key");
                    }
                }
            }
            assertEquals(Set.of(files.signingKeystore(), files.encryptionKeystore()), Set.copyOf(keystores));
            assertEquals(1, SubjectTagKeys.load(files.subjectTagKeys()).currentVersion());
            for (Path keystore : keystores) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)), keystore.toString());
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(keystore)) {
                    store.load(in, password);
                }
                for (String alias : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias)) {
                        String subject = ((X509Certificate) store.getCertificate(alias)).getSubjectX500Principal().getName();
                        assertTrue(subject.startsWith("CN=" + member + " "), keystore + " holds a key of " + subject);
                    }
                }
            }
        }
    }

    @Test
    void a_gateway_refuses_to_start_on_an_altered_configuration_and_says_why(@TempDir Path data) throws Exception {
        assertEquals(0, SpeanCommand.execute("init", "--data", data.toString()));
        Path configuration = FederationFiles.in(data).configuration();
        Files.writeString(configuration, Files.readString(configuration).replace("verifyCitizen", "verifyCitizens"));

        String said = refusedStartOfMoi(data);
        assertTrue(said.contains("altered"), said);
    }

    @Test
    void a_gateway_refuses_to_start_with_a_wrong_keystore_password_and_says_which_keystore(@TempDir Path data)
            throws Exception {
        assertEquals(0, SpeanCommand.execute("init", "--data", data.toString()));
        MemberFiles keys = MemberFiles.in(data, MemberId.parse("KH/GOV/MOI"));
        Files.writeString(keys.developmentPasswordFile(), "not-the-password");

        String said = refusedStartOfMoi(data);
        assertTrue(said.contains(keys.signingKeystore().toString()) && said.contains("wrong password"), said);
    }

    /** What a gateway for KH/GOV/MOI said as it refused to start, having exited with 2 and a coded error. */
    private static String refusedStartOfMoi(Path data) {
        CommandRun run = CommandRun.of(NodeProcess.withBackendTls(data, "gateway", "--member", "KH/GOV/MOI", "--data",
                data.toString(), "--kafka-bootstrap", "127.0.0.1:1", "--http-port", "0"));
        String said = run.errors();
        int exit = run.exit();
        assertEquals(2, exit, said);
        assertTrue(said.contains("server.configuration_invalid"), said);
        return said;
    }
}
