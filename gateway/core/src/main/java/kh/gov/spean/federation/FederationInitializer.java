package kh.gov.spean.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kh.gov.spean.crypto.CertificateRequest;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.files.OwnerOnlyFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.privacy.SubjectTagKeys;
import kh.gov.spean.validation.SchemaCatalog;

/**
 * {@code spean init}: turns the federation seed into a development federation in one folder, by the same steps the
 * members and the authority take apart in production — the authority's root CA and timestamp authority in
 * {@code DIR/authority/}; for each member, in its own {@code DIR/MEMBER/}, keys made and requested
 * ({@link MemberKeyring#generate}) with its key for blinding data subjects, certificates issued from the requests alone ({@link MemberCertificateIssuer}) and
 * installed ({@link MemberKeyring#install}); then the signed configuration in {@code DIR/federation/}. Development
 * only: each member's keystore password is written beside its keystores.
 */
public final class FederationInitializer {

    static final Duration CA_VALIDITY = Duration.ofDays(3650);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FederationInitializer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Generates everything into {@code dataDirectory}; returns the members initialised. The seed is checked whole (its
     * own checks, then the configuration's, with the CA's certificate standing in for the members') before anything is
     * written: a seed refused leaves no half-made federation behind.
     */
    public List<MemberId> initialize(Path seedFile, Path schemasRoot, Path dataDirectory) {
        FederationFiles existing = FederationFiles.in(dataDirectory);
        if (Files.exists(existing.caCertificate()) || Files.exists(existing.configuration())
                || Files.exists(AuthorityFiles.in(dataDirectory).directory())) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, dataDirectory + " already holds a federation: "
                    + "init would replace its CA and every member's keys; choose a new folder, or delete this one first");
        }
        FederationSeed seed = FederationSeed.read(seedFile);
        SchemaCatalog schemas = SchemaCatalog.load(schemasRoot);
        FederationAuthority authority = new FederationAuthority(
                DevelopmentPki.newRootCa("Spean Federation Authority " + seed.instance(), CA_VALIDITY));
        List<MemberId> members = new ArrayList<>();
        Map<MemberId, SeededConfiguration.Certified> standIns = new LinkedHashMap<>();
        String caPem = Pem.certificate(authority.ca().certificate());
        try {
            for (FederationSeed.Member seeded : seed.members()) {
                MemberId id = MemberId.parse(seeded.id());
                members.add(id);
                standIns.put(id, new SeededConfiguration.Certified(caPem, caPem, null));
            }
            // What every node will check of it: the same refusal now, not at the first node's start.
            Federation.of(SeededConfiguration.build(seed, schemas, clock.instant(), standIns, List.of()));
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the federation seed " + seedFile + ": "
                    + e.getMessage());
        }
        authority.store(dataDirectory, newPassword());
        TimestampingFiles.in(dataDirectory).create(authority.ca(), newPassword());
        MemberCertificateIssuer issuer = new MemberCertificateIssuer(authority.ca());
        Map<MemberId, SeededConfiguration.Certified> certified = new LinkedHashMap<>();
        for (MemberId member : members) {
            MemberFiles files = MemberFiles.in(dataDirectory, member);
            writeDevelopmentPassword(files);
            MemberKeyring keyring = new MemberKeyring(files);
            keyring.generate();
            SubjectTagKeys.createIfAbsent(files.subjectTagKeys());
            // The authority reads the member's requests, and nothing else of the member's folder.
            MemberCertificates issued = issuer.issue(member, CertificateRequest.read(files.request(KeyRole.SIGNING)),
                    CertificateRequest.read(files.request(KeyRole.ENCRYPTION)));
            issued.write(files.directory(), authority.ca().certificate());
            keyring.install(MemberCertificates.read(files.directory()), authority.ca().certificate());
            certified.put(member, new SeededConfiguration.Certified(Pem.certificate(issued.signing()),
                    Pem.certificate(issued.encryption()), null));
        }
        Instant now = clock.instant();
        authority.publish(SeededConfiguration.build(seed, schemas, now, certified, List.of()),
                FederationFiles.in(dataDirectory));
        return members;
    }

    private void writeDevelopmentPassword(MemberFiles files) {
        try {
            OwnerOnlyFiles.createDirectories(files.directory());
            OwnerOnlyFiles.writeSecret(files.developmentPasswordFile(), new String(newPassword()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the development keystore password of " + files.member(), e);
        }
    }

    private char[] newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
