package kh.gov.spean.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.CertificateRequest;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * A member makes its keys on its node and the authority certifies them from the requests alone: a request that does not
 * prove its key, or names another member, is refused with a code; a certificate for another key is never installed.
 */
class MemberKeysTest {

    private static final MemberId MOI = TestFederation.MOI;
    private static final MemberId MEF = TestFederation.MEF;

    private final CertificateAuthority ca = DevelopmentPki.newRootCa("Test federation authority", Duration.ofDays(1));
    private final MemberCertificateIssuer issuer = new MemberCertificateIssuer(ca);

    @Test
    void keys_made_on_the_node_become_current_once_the_certificates_issued_from_their_requests_are_installed(
            @TempDir Path node) throws Exception {
        MemberFiles files = memberFolder(node, MOI);
        MemberKeyring keyring = new MemberKeyring(files);
        keyring.generate();

        MemberCertificates issued = issuer.issue(MOI, CertificateRequest.read(files.request(KeyRole.SIGNING)),
                CertificateRequest.read(files.request(KeyRole.ENCRYPTION)));
        keyring.install(issued, ca.certificate());

        MemberKeys keys = files.loadKeys();
        assertEquals(issued.signing(), keys.signingCertificate());
        assertEquals(issued.encryption(), keys.encryptionCertificate());
        assertEquals("CN=KH/GOV/MOI signing,O=Spean development federation,C=KH",
                keys.signingCertificate().getSubjectX500Principal().getName());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.signingKeystore())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.encryptionKeystore())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory())));
    }

    @Test
    void a_request_whose_signature_is_broken_is_refused(@TempDir Path node) {
        KeyPair pair = DevelopmentPki.newKeyPair();
        CertificateRequest honest = CertificateRequest.create(pair, KeyRole.SIGNING.commonName(MOI));
        byte[] der = Base64.getMimeDecoder().decode(honest.pem().replaceAll("-----[A-Z ]+-----", ""));
        der[der.length - 3] ^= 0x01; // inside the signature, the last field of the request
        CertificateRequest broken = CertificateRequest.parse("-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE REQUEST-----\n");

        assertCode(ErrorCode.CERTIFICATE_REQUEST_INVALID, () -> issuer.issue(MOI, broken, encryptionRequest(MOI)));
    }

    @Test
    void a_request_whose_key_was_swapped_after_signing_is_refused() {
        KeyPair signer = DevelopmentPki.newKeyPair();
        KeyPair other = DevelopmentPki.newKeyPair();
        String pem = CertificateRequest.create(signer, KeyRole.SIGNING.commonName(MOI)).pem();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        byte[] signerKey = signer.getPublic().getEncoded();
        byte[] otherKey = other.getPublic().getEncoded();
        int at = indexOf(der, signerKey);
        System.arraycopy(otherKey, 0, der, at, otherKey.length);
        CertificateRequest swapped = CertificateRequest.parse("-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE REQUEST-----\n");

        assertCode(ErrorCode.CERTIFICATE_REQUEST_INVALID, () -> issuer.issue(MOI, swapped, encryptionRequest(MOI)));
    }

    @Test
    void a_request_naming_another_member_is_refused() {
        CertificateRequest economy = CertificateRequest.create(DevelopmentPki.newKeyPair(), KeyRole.SIGNING.commonName(MEF));

        assertCode(ErrorCode.CERTIFICATE_REQUEST_WRONG_SUBJECT, () -> issuer.issue(MOI, economy, encryptionRequest(MOI)));
    }

    @Test
    void a_signing_request_asking_for_the_encryption_name_is_refused() {
        CertificateRequest misnamed = CertificateRequest.create(DevelopmentPki.newKeyPair(),
                KeyRole.ENCRYPTION.commonName(MOI));

        assertCode(ErrorCode.CERTIFICATE_REQUEST_WRONG_SUBJECT, () -> issuer.issue(MOI, misnamed, encryptionRequest(MOI)));
    }

    @Test
    void text_that_is_not_a_certificate_request_is_refused() {
        assertCode(ErrorCode.CERTIFICATE_REQUEST_INVALID, () -> CertificateRequest.parse("-----BEGIN CERTIFICATE REQUEST-----\n"
                + "AAAA\n-----END CERTIFICATE REQUEST-----\n"));
        assertCode(ErrorCode.CERTIFICATE_REQUEST_INVALID, () -> CertificateRequest.parse("hello"));
    }

    @Test
    void a_certificate_for_another_key_or_from_another_ca_is_not_installed_and_nothing_changes(@TempDir Path node)
            throws Exception {
        MemberFiles files = memberFolder(node, MOI);
        MemberKeyring keyring = new MemberKeyring(files);
        keyring.generate();
        byte[] before = Files.readAllBytes(files.signingKeystore());
        MemberCertificates forOtherKeys = issuer.issue(MOI, signingRequest(MOI), encryptionRequest(MOI));
        CertificateAuthority stranger = DevelopmentPki.newRootCa("Not the federation", Duration.ofDays(1));
        MemberCertificates fromStranger = new MemberCertificateIssuer(stranger).issue(MOI,
                CertificateRequest.read(files.request(KeyRole.SIGNING)),
                CertificateRequest.read(files.request(KeyRole.ENCRYPTION)));

        assertCode(ErrorCode.CERTIFICATE_MISMATCH, () -> keyring.install(forOtherKeys, ca.certificate()));
        assertCode(ErrorCode.CERTIFICATE_MISMATCH, () -> keyring.install(fromStranger, ca.certificate()));
        assertArrayEquals(before, Files.readAllBytes(files.signingKeystore()));
    }

    @Test
    void renewed_keys_replace_the_current_ones_which_stay_in_the_keystore(@TempDir Path node) throws Exception {
        MemberFiles files = memberFolder(node, MOI);
        MemberKeyring keyring = new MemberKeyring(files);
        keyring.generate();
        keyring.install(issuer.issue(MOI, CertificateRequest.read(files.request(KeyRole.SIGNING)),
                CertificateRequest.read(files.request(KeyRole.ENCRYPTION))), ca.certificate());
        MemberKeys first = files.loadKeys();

        keyring.generate();
        assertEquals(first.signingCertificate(), files.loadKeys().signingCertificate(), "waiting keys are not current yet");
        keyring.install(issuer.issue(MOI, CertificateRequest.read(files.request(KeyRole.SIGNING)),
                CertificateRequest.read(files.request(KeyRole.ENCRYPTION))), ca.certificate());

        assertNotEquals(first.signingCertificate(), files.loadKeys().signingCertificate());
        assertTrue(files.decryptionKeys().keys().stream()
                .anyMatch(key -> key.certificate().equals(first.encryptionCertificate())), "the replaced key is kept");
    }

    private static MemberFiles memberFolder(Path node, MemberId member) throws Exception {
        Path password = Files.writeString(node.resolve("password"), "a password kept apart");
        return MemberFiles.in(node.resolve("data"), member).withPasswordFile(password);
    }

    private static CertificateRequest signingRequest(MemberId member) {
        return CertificateRequest.create(DevelopmentPki.newKeyPair(), KeyRole.SIGNING.commonName(member));
    }

    private static CertificateRequest encryptionRequest(MemberId member) {
        return CertificateRequest.create(DevelopmentPki.newKeyPair(), KeyRole.ENCRYPTION.commonName(member));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("the key is not in the request");
    }

    private static void assertCode(ErrorCode expected, Executable action) {
        assertEquals(expected, assertThrows(SpeanException.class, action).code());
    }
}
