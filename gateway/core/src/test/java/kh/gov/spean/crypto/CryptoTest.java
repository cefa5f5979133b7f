package kh.gov.spean.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

class CryptoTest {

    static final CertificateAuthority CA = DevelopmentPki.newRootCa("Test federation", Duration.ofDays(30));
    static final byte[] CONTENT = "the exact bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_detached_signature_verifies_and_names_its_signer() {
        KeyPair pair = DevelopmentPki.newKeyPair();
        X509Certificate certificate = CA.issueSigningCertificate("signer", pair.getPublic(), Duration.ofDays(1));
        byte[] signature = new DetachedSigner(pair.getPrivate(), certificate).sign(CONTENT);
        assertEquals(certificate, new DetachedSignatureVerifier(CA.certificate()).verify(CONTENT, signature, Instant.now()));
    }

    @Test
    void rejects_a_signature_over_other_bytes() {
        KeyPair pair = DevelopmentPki.newKeyPair();
        byte[] signature = new DetachedSigner(pair.getPrivate(),
                CA.issueSigningCertificate("signer", pair.getPublic(), Duration.ofDays(1))).sign(CONTENT);
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> new DetachedSignatureVerifier(CA.certificate())
                .verify("other bytes".getBytes(StandardCharsets.UTF_8), signature, Instant.now()));
    }

    @Test
    void rejects_bytes_that_are_not_a_signature() {
        assertCode(ErrorCode.SIGNATURE_INVALID,
                () -> new DetachedSignatureVerifier(CA.certificate()).verify(CONTENT, new byte[] {0x30, 0x03, 1, 2, 3}, Instant.now()));
    }

    @Test
    void rejects_a_signature_by_a_certificate_from_another_ca() {
        CertificateAuthority other = DevelopmentPki.newRootCa("Test federation", Duration.ofDays(30));
        KeyPair pair = DevelopmentPki.newKeyPair();
        byte[] signature = new DetachedSigner(pair.getPrivate(),
                other.issueSigningCertificate("signer", pair.getPublic(), Duration.ofDays(1))).sign(CONTENT);
        assertCode(ErrorCode.SIGNER_UNTRUSTED,
                () -> new DetachedSignatureVerifier(CA.certificate()).verify(CONTENT, signature, Instant.now()));
    }

    @Test
    void rejects_a_signature_by_an_expired_certificate() {
        KeyPair pair = DevelopmentPki.newKeyPair();
        Instant now = Instant.now();
        X509Certificate expired = CA.issueSigningCertificate("signer", pair.getPublic(),
                now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        byte[] signature = new DetachedSigner(pair.getPrivate(), expired).sign(CONTENT);
        assertCode(ErrorCode.CERTIFICATE_EXPIRED,
                () -> new DetachedSignatureVerifier(CA.certificate()).verify(CONTENT, signature, now));
    }

    @Test
    void rejects_a_signature_by_an_encryption_certificate() {
        KeyPair pair = DevelopmentPki.newKeyPair();
        byte[] signature = new DetachedSigner(pair.getPrivate(),
                CA.issueEncryptionCertificate("not a signer", pair.getPublic(), Duration.ofDays(1))).sign(CONTENT);
        assertCode(ErrorCode.SIGNER_UNTRUSTED,
                () -> new DetachedSignatureVerifier(CA.certificate()).verify(CONTENT, signature, Instant.now()));
    }

    @Test
    void a_sealed_payload_opens_only_for_its_recipient_and_not_once_altered() {
        KeyPair recipient = DevelopmentPki.newKeyPair();
        X509Certificate certificate = CA.issueEncryptionCertificate("recipient", recipient.getPublic(), Duration.ofDays(1));
        byte[] sealed = new PayloadSealer().seal(CONTENT, certificate);

        assertArrayEquals(CONTENT, new PayloadOpener(recipient.getPrivate(), certificate).open(sealed));

        KeyPair stranger = DevelopmentPki.newKeyPair();
        X509Certificate strangerCertificate = CA.issueEncryptionCertificate("stranger", stranger.getPublic(), Duration.ofDays(1));
        assertCode(ErrorCode.DECRYPTION_FAILED, () -> new PayloadOpener(stranger.getPrivate(), strangerCertificate).open(sealed));

        byte[] altered = sealed.clone();
        altered[altered.length - 5] ^= 0x01;
        assertCode(ErrorCode.DECRYPTION_FAILED, () -> new PayloadOpener(recipient.getPrivate(), certificate).open(altered));
    }

    @Test
    void every_sealed_payload_has_an_ephemeral_key_of_its_own_under_the_named_algorithms() throws Exception {
        KeyPair recipient = DevelopmentPki.newKeyPair();
        X509Certificate certificate = CA.issueEncryptionCertificate("recipient", recipient.getPublic(), Duration.ofDays(1));
        PayloadSealer sealer = new PayloadSealer();

        KeyAgreeRecipientInformation first = (KeyAgreeRecipientInformation) new CMSAuthEnvelopedData(
                sealer.seal(CONTENT, certificate)).getRecipientInfos().getRecipients().iterator().next();

        assertEquals(CryptoAlgorithms.KEY_AGREEMENT.getId(), first.getKeyEncryptionAlgOID());
        assertEquals(CryptoAlgorithms.KEY_WRAP, AlgorithmIdentifier.getInstance(first.getKeyEncryptionAlgParams()).getAlgorithm());
        assertTrue(first.getRID().match(new JcaX509CertificateHolder(certificate)), "addressed to the certificate");
        assertFalse(Arrays.equals(originatorKey(sealer.seal(CONTENT, certificate)), originatorKey(sealer.seal(CONTENT, certificate))),
                "a fresh ephemeral key per message");
    }

    private static byte[] originatorKey(byte[] sealed) {
        AuthEnvelopedData enveloped = AuthEnvelopedData.getInstance(ContentInfo.getInstance(sealed).getContent());
        return KeyAgreeRecipientInfo.getInstance(RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0))
                .getInfo()).getOriginator().getOriginatorKey().getPublicKey().getBytes();
    }

    @Test
    void keystores_round_trip_and_refuse_a_wrong_password(@TempDir Path folder) {
        KeyPair signing = DevelopmentPki.newKeyPair();
        KeyPair encryption = DevelopmentPki.newKeyPair();
        X509Certificate signingCertificate = CA.issueSigningCertificate("m", signing.getPublic(), Duration.ofDays(1));
        X509Certificate encryptionCertificate = CA.issueEncryptionCertificate("m", encryption.getPublic(), Duration.ofDays(1));
        char[] password = "correct horse".toCharArray();
        KeyStores.writeKeyPair(folder.resolve("signing.p12"), "signing", signing.getPrivate(),
                new X509Certificate[] {signingCertificate, CA.certificate()}, password);
        KeyStores.writeKeyPair(folder.resolve("encryption.p12"), "encryption", encryption.getPrivate(),
                new X509Certificate[] {encryptionCertificate, CA.certificate()}, password);

        MemberKeys keys = KeyStores.loadMember(MemberId.parse("KH/GOV/MOI"), folder, password);
        assertEquals(signingCertificate, keys.signingCertificate());
        assertArrayEquals(CONTENT, new PayloadOpener(keys.encryptionKey(), keys.encryptionCertificate())
                .open(new PayloadSealer().seal(CONTENT, encryptionCertificate)));

        assertCode(ErrorCode.CONFIGURATION_INVALID,
                () -> KeyStores.loadMember(MemberId.parse("KH/GOV/MOI"), folder, "wrong".toCharArray()));
    }

    @Test
    void decryption_keys_are_refused_from_a_keystore_without_a_current_encryption_key(@TempDir Path folder) {
        KeyPair encryption = DevelopmentPki.newKeyPair();
        X509Certificate certificate = CA.issueEncryptionCertificate("m", encryption.getPublic(), Duration.ofDays(1));
        char[] password = "correct horse".toCharArray();
        Path keystore = folder.resolve("encryption.p12");
        KeyStores.writeKeyPair(keystore, KeyStores.ENCRYPTION_ALIAS + "-1", encryption.getPrivate(),
                new X509Certificate[] {certificate, CA.certificate()}, password);

        SpeanException refused = assertThrows(SpeanException.class, () -> DecryptionKeys.fromKeystore(keystore, password));
        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
        assertTrue(refused.getMessage().contains("'" + KeyStores.ENCRYPTION_ALIAS + "'"), refused.getMessage());
    }

    @Test
    void the_commitment_binds_salt_and_payload() {
        byte[] salt = PayloadCommitment.newSalt();
        byte[] commitment = PayloadCommitment.commit(salt, CONTENT);
        assertEquals(true, PayloadCommitment.matches(commitment, salt, CONTENT));
        assertEquals(false, PayloadCommitment.matches(commitment, PayloadCommitment.newSalt(), CONTENT));
        assertEquals(false, PayloadCommitment.matches(commitment, salt, "other".getBytes(StandardCharsets.UTF_8)));
    }

    static void assertCode(ErrorCode expected, Runnable action) {
        SpeanException thrown = assertThrows(SpeanException.class, action::run);
        assertEquals(expected, thrown.code(), thrown::detail);
    }
}
