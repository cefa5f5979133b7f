package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.KeyStores;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/**
 * {@code spean init}: turns the federation seed into a development federation — a root CA, each member's signing and
 * encryption keys in password-protected PKCS#12 keystores, a development timestamp authority, and the signed
 * federation configuration.
 */
public final class FederationInitializer {

    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration MEMBER_CERTIFICATE_VALIDITY = Duration.ofDays(730);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FederationInitializer(Clock clock) {
        this.clock = clock;
    }

    /** Generates everything into {@code dataDirectory}; returns the members initialised. */
    public List<MemberId> initialize(Path seedFile, Path schemasRoot, Path dataDirectory) {
        FederationSeed seed = readSeed(seedFile);
        SchemaCatalog schemas = SchemaCatalog.load(schemasRoot);
        FederationAuthority authority = new FederationAuthority(
                DevelopmentPki.newRootCa("Spean Federation Authority " + seed.instance(), CA_VALIDITY));
        authority.store(dataDirectory, newPassword());
        TimestampingFiles.in(dataDirectory).create(authority.ca(), newPassword());

        List<MemberId> initialised = new ArrayList<>();
        List<FederationConfiguration.Member> members = new ArrayList<>();
        for (FederationSeed.Member seeded : seed.members()) {
            MemberId id = MemberId.parse(seeded.id());
            members.add(issueMemberKeys(authority.ca(), id, seeded, MemberFiles.in(dataDirectory, id)));
            initialised.add(id);
        }
        Instant now = clock.instant();
        FederationConfiguration configuration = new FederationConfiguration(
                FederationConfiguration.CURRENT_VERSION, seed.instance(), now,
                now.plus(Duration.ofDays(seed.validityDays())), members, seed.services(), seed.accessRights(),
                schemaDigests(seed, schemas), List.of());
        authority.publish(configuration, FederationFiles.in(dataDirectory));
        return initialised;
    }

    private FederationConfiguration.Member issueMemberKeys(CertificateAuthority ca, MemberId id,
                                                           FederationSeed.Member seeded, MemberFiles files) {
        KeyPair signing = DevelopmentPki.newKeyPair();
        KeyPair encryption = DevelopmentPki.newKeyPair();
        X509Certificate signingCertificate = ca.issueSigningCertificate(id + " signing", signing.getPublic(),
                MEMBER_CERTIFICATE_VALIDITY);
        X509Certificate encryptionCertificate = ca.issueEncryptionCertificate(id + " encryption", encryption.getPublic(),
                MEMBER_CERTIFICATE_VALIDITY);
        char[] password = newPassword();
        try {
            Files.createDirectories(files.directory());
            KeyStores.writeKeyPair(files.signingKeystore(), KeyStores.SIGNING_ALIAS, signing.getPrivate(),
                    new X509Certificate[] {signingCertificate, ca.certificate()}, password);
            KeyStores.writeKeyPair(files.encryptionKeystore(), KeyStores.ENCRYPTION_ALIAS, encryption.getPrivate(),
                    new X509Certificate[] {encryptionCertificate, ca.certificate()}, password);
            OwnerOnlyFiles.writeSecret(files.passwordFile(), new String(password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FederationConfiguration.Member(id.toString(), seeded.name(), seeded.nameKm(), seeded.subsystems(),
                Pem.certificate(signingCertificate),
                Pem.certificate(encryptionCertificate), null);
    }

    private static List<FederationConfiguration.Schema> schemaDigests(FederationSeed seed, SchemaCatalog schemas) {
        Set<SchemaId> used = new LinkedHashSet<>();
        for (FederationConfiguration.Service service : seed.services()) {
            used.add(SchemaId.parse(service.requestSchema()));
            if (service.responseSchema() != null) {
                used.add(SchemaId.parse(service.responseSchema()));
            }
        }
        List<FederationConfiguration.Schema> digests = new ArrayList<>();
        for (SchemaId id : used) {
            if (!schemas.contains(id)) {
                throw new IllegalArgumentException("the seed names schema " + id + ", which is not under the schemas folder");
            }
            digests.add(new FederationConfiguration.Schema(id.toString(), schemas.sha256Hex(id)));
        }
        return digests;
    }

    private static FederationSeed readSeed(Path seedFile) {
        try {
            return SpeanJson.fromBytes(Files.readAllBytes(seedFile), FederationSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the federation seed " + seedFile, e);
        }
    }

    private char[] newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
