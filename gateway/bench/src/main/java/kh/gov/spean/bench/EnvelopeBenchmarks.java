package kh.gov.spean.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.crypto.PayloadSealer;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeOpener;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.EnvelopeVerifier;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.validation.PayloadValidator;

/**
 * The core's per-message steps, each on the request of the benchmark exchange (MEF asks MOI to verify a citizen):
 * what a node pays for one envelope at each step, in microseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvelopeBenchmarks {

    private Federated federated;
    private DetachedSigner signer;
    private DetachedSignatureVerifier signatureVerifier;
    private PayloadSealer payloadSealer;
    private PayloadOpener payloadOpener;
    private EnvelopeSealer envelopeSealer;
    private EnvelopeVerifier envelopeVerifier;
    private EnvelopeOpener envelopeOpener;
    private PayloadValidator validator;
    private Envelope envelope;
    private byte[] encoded;
    private byte[] salted;
    private java.security.cert.X509Certificate moiEncryption;

    @Setup(Level.Trial)
    public void setUp() {
        federated = new Federated();
        signer = new DetachedSigner(federated.mefKeys.signingKey(), federated.mefKeys.signingCertificate());
        java.security.cert.X509Certificate anchor = FederationLoader.loadTrustAnchor(FederationFiles.in(federated.folder));
        signatureVerifier = new DetachedSignatureVerifier(anchor);
        payloadSealer = new PayloadSealer();
        payloadOpener = new PayloadOpener(federated.moiKeys.encryptionKey(), federated.moiKeys.encryptionCertificate());
        envelopeSealer = federated.mefSealer();
        envelopeVerifier = new EnvelopeVerifier(federated.federation, anchor);
        envelopeOpener = new EnvelopeOpener(payloadOpener);
        validator = federated.schemas.validator();
        moiEncryption = federated.federation.member(Federated.MOI).orElseThrow().encryptionCertificate();
        envelope = federated.sealedRequest();
        encoded = EnvelopeCodec.encode(envelope);
        // What EnvelopeSealer seals: the commitment's 32-byte salt, then the payload.
        salted = new byte[32 + Federated.REQUEST.length];
        System.arraycopy(Federated.REQUEST, 0, salted, 32, Federated.REQUEST.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        federated.close();
    }

    /** The signed header's canonical bytes (JSON-B of the header record, carried verbatim). */
    @Benchmark
    public byte[] canonicaliseHeader() {
        return EnvelopeCodec.encodeHeader(envelope.header());
    }

    /** Detached CMS SignedData, ECDSA P-256, over the header bytes. */
    @Benchmark
    public byte[] sign() {
        return signer.sign(envelope.headerBytes());
    }

    /** The CMS signature check, certificate chain cached. */
    @Benchmark
    public Object verifySignature() {
        return signatureVerifier.verify(envelope.headerBytes(), envelope.signature(), Instant.now());
    }

    /** CMS AuthEnvelopedData, AES-256-GCM, ephemeral-static ECDH P-256. */
    @Benchmark
    public byte[] seal() {
        return payloadSealer.seal(salted, moiEncryption);
    }

    @Benchmark
    public byte[] open() {
        return payloadOpener.open(envelope.ciphertext());
    }

    /** All the sender does to a payload: commitment, seal, header, sign. */
    @Benchmark
    public Object sealEnvelope() {
        return envelopeSealer.seal(federated.requestDraft(), Federated.REQUEST, moiEncryption);
    }

    /** Signature, sender's registered certificate, ciphertext digest. */
    @Benchmark
    public Object verifyEnvelope() {
        return envelopeVerifier.verify(envelope, Instant.now());
    }

    /** Decrypt and check the commitment. */
    @Benchmark
    public Object openEnvelope() {
        return envelopeOpener.open(envelope);
    }

    /** The request against its JSON Schema (draft 2020-12), parse included. */
    @Benchmark
    public Object validate() {
        return validator.validate(federated.service.requestSchema(), Federated.REQUEST);
    }

    /** The envelope's wire form, as published to Kafka. */
    @Benchmark
    public byte[] encodeEnvelope() {
        return EnvelopeCodec.encode(envelope);
    }

    /** The envelope's wire form, as read off Kafka, header parsed. */
    @Benchmark
    public Envelope decodeEnvelope() {
        return EnvelopeCodec.decode(encoded);
    }
}
