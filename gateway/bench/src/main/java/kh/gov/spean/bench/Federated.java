package kh.gov.spean.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.files.FolderTree;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaCatalog;

/**
 * A fresh federation from the repository's seed and schemas, as {@code spean init} makes it, in a temporary folder:
 * MEF (the client) and MOI (the provider) with their keys, and the request every benchmark works on.
 */
final class Federated implements AutoCloseable {

    static final MemberId MEF = MemberId.parse("KH/GOV/MEF");
    static final MemberId MOI = MemberId.parse("KH/GOV/MOI");
    static final SubsystemId CLIENT = SubsystemId.parse("KH/GOV/MEF/BUSINESS-REGISTRY");
    /** The request of connectors/moi-id-registry/examples/match.json. */
    static final byte[] REQUEST = ("{\"nationalId\":\"010203040\",\"fullNameKm\":\"សុខ ចាន់ដារ៉ា\",\"fullNameEn\":\"Sok Chandara\","
            + "\"dateOfBirth\":\"1990-01-31\",\"purpose\":\"Business registration MEF-2026-000123\"}")
            .getBytes(StandardCharsets.UTF_8);

    final Path root;
    final Path folder;
    final Federation federation;
    final MemberKeys mefKeys;
    final MemberKeys moiKeys;
    final Federation.Service service;
    final SchemaCatalog schemas;

    Federated() {
        root = repositoryRoot();
        try {
            folder = Files.createTempDirectory("spean-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds").resolve("federation.json"),
                root.resolve("schemas"), folder);
        federation = FederationLoader.load(FederationFiles.in(folder), Clock.systemUTC().instant());
        mefKeys = MemberFiles.in(folder, MEF).loadKeys();
        moiKeys = MemberFiles.in(folder, MOI).loadKeys();
        service = federation.services().stream().filter(s -> s.id().member().equals(MOI)).findFirst().orElseThrow();
        schemas = SchemaCatalog.load(root.resolve("schemas"));
    }

    EnvelopeSealer mefSealer() {
        return new EnvelopeSealer(mefKeys, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    EnvelopeDraft requestDraft() {
        return EnvelopeDraft.request(CLIENT, service.id(), service.requestSchema(),
                federation.schemaDigest(service.requestSchema()).orElseThrow());
    }

    /** A request from MEF to MOI, sealed and signed as MEF's node does it. */
    Envelope sealedRequest() {
        return mefSealer().seal(requestDraft(), REQUEST, federation.member(MOI).orElseThrow().encryptionCertificate())
                .envelope();
    }

    /** {@code -Dspean.home}, else the working directory or the first parent holding seeds/ and schemas/. */
    static Path repositoryRoot() {
        String configured = System.getProperty("spean.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path candidate = Path.of("").toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("seeds")) && Files.isDirectory(candidate.resolve("schemas"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("run from the repository (or give -Dspean.home=DIR): no seeds/ and schemas/ found");
    }

    @Override
    public void close() {
        try {
            FolderTree.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
