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
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
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

    /**
     * Generates everything into {@code dataDirectory}; returns the members initialised. The seed is checked whole (its
     * own checks, then the configuration's, with the keys made in memory) before anything is written: a seed refused
     * leaves no half-made federation behind.
     */
    public List<MemberId> initialize(Path seedFile, Path schemasRoot, Path dataDirectory) {
        FederationFiles existing = FederationFiles.in(dataDirectory);
        if (Files.exists(existing.caCertificate()) || Files.exists(existing.configuration())) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, dataDirectory + " already holds a federation: "
                    + "init would replace its CA and every member's keys; choose a new folder, or delete this one first");
        }
        FederationSeed seed = FederationSeed.read(seedFile);
        SchemaCatalog schemas = SchemaCatalog.load(schemasRoot);
        FederationAuthority authority;
        List<IssuedMember> issued = new ArrayList<>();
        FederationConfiguration configuration;
        try {
            authority = new FederationAuthority(
                    DevelopmentPki.newRootCa("Spean Federation Authority " + seed.instance(), CA_VALIDITY));
            for (FederationSeed.Member seeded : seed.members()) {
                issued.add(issueMemberKeys(authority.ca(), seeded));
            }
            Instant now = clock.instant();
            configuration = new FederationConfiguration(FederationConfiguration.CURRENT_VERSION, seed.instance(), now,
                    now.plus(Duration.ofDays(seed.validityDays())), issued.stream().map(IssuedMember::entry).toList(),
                    seed.services(), seed.accessRights(), schemaDigests(seed, schemas), List.of());
            // What every node will check of it: the same refusal now, not at the first node's start.
            Federation.of(configuration);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the federation seed " + seedFile + ": "
                    + e.getMessage());
        }
        authority.store(dataDirectory, newPassword());
        TimestampingFiles.in(dataDirectory).create(authority.ca(), newPassword());
        for (IssuedMember member : issued) {
            member.write(MemberFiles.in(dataDirectory, member.id()), authority.ca().certificate(), newPassword());
        }
        authority.publish(configuration, FederationFiles.in(dataDirectory));
        return issued.stream().map(IssuedMember::id).toList();
    }

    /** A member's keys and certificates, made in memory; written only once the whole seed has passed. */
    private record IssuedMember(MemberId id, KeyPair signing, X509Certificate signingCertificate, KeyPair encryption,
                                X509Certificate encryptionCertificate, FederationConfiguration.Member entry) {

        void write(MemberFiles files, X509Certificate caCertificate, char[] password) {
            try {
                Files.createDirectories(files.directory());
                KeyStores.writeKeyPair(files.signingKeystore(), KeyStores.SIGNING_ALIAS, signing.getPrivate(),
                        new X509Certificate[] {signingCertificate, caCertificate}, password);
                KeyStores.writeKeyPair(files.encryptionKeystore(), KeyStores.ENCRYPTION_ALIAS, encryption.getPrivate(),
                        new X509Certificate[] {encryptionCertificate, caCertificate}, password);
                OwnerOnlyFiles.writeSecret(files.passwordFile(), new String(password));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static IssuedMember issueMemberKeys(CertificateAuthority ca, FederationSeed.Member seeded) {
        MemberId id = MemberId.parse(seeded.id());
        KeyPair signing = DevelopmentPki.newKeyPair();
        KeyPair encryption = DevelopmentPki.newKeyPair();
        X509Certificate signingCertificate = ca.issueSigningCertificate(id + " signing", signing.getPublic(),
                MEMBER_CERTIFICATE_VALIDITY);
        X509Certificate encryptionCertificate = ca.issueEncryptionCertificate(id + " encryption", encryption.getPublic(),
                MEMBER_CERTIFICATE_VALIDITY);
        return new IssuedMember(id, signing, signingCertificate, encryption, encryptionCertificate,
                new FederationConfiguration.Member(id.toString(), seeded.name(), seeded.nameKm(), seeded.subsystems(),
                        Pem.certificate(signingCertificate), Pem.certificate(encryptionCertificate), null));
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

    private char[] newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
