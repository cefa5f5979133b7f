package kh.gov.spean.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.log.MerkleTree;

/**
 * Batch signatures as X-Road's signer makes them under load, against one signature per envelope: the headers of a
 * batch become the leaves of a Merkle tree (RFC 9162 hashing, as the message log's), the root is signed once, and each
 * envelope carries its inclusion path. Times are per batch of {@code batch} headers; divide by it for an envelope.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchSignatureBenchmarks {

    /** What one envelope would carry in place of its own signature. */
    public record TreeSignature(byte[] rootSignature, long index, long size, List<byte[]> path) {
    }

    @Param({"1", "2", "4", "16", "64"})
    public int batch;

    private Federated federated;
    private DetachedSigner signer;
    private DetachedSignatureVerifier verifier;
    private byte[][] headers;
    private byte[] treeRoot;
    private TreeSignature lastOfBatch;

    @Setup(Level.Trial)
    public void setUp() {
        federated = new Federated();
        signer = new DetachedSigner(federated.mefKeys.signingKey(), federated.mefKeys.signingCertificate());
        verifier = new DetachedSignatureVerifier(FederationLoader.loadTrustAnchor(FederationFiles.in(federated.folder)));
        headers = new byte[batch][];
        for (int i = 0; i < batch; i++) {
            headers[i] = federated.sealedRequest().headerBytes();
        }
        List<TreeSignature> signed = signTree();
        lastOfBatch = signed.get(batch - 1);
        MerkleTree tree = new MerkleTree();
        for (byte[] header : headers) {
            tree.append(header);
        }
        treeRoot = tree.root();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        federated.close();
    }

    /** As the node signs today: one detached CMS signature per header. */
    @Benchmark
    public List<byte[]> signEach() {
        List<byte[]> signatures = new ArrayList<>(batch);
        for (byte[] header : headers) {
            signatures.add(signer.sign(header));
        }
        return signatures;
    }

    /** One CMS signature over the root of the batch's tree, and each header's inclusion path. */
    @Benchmark
    public List<TreeSignature> signTree() {
        MerkleTree tree = new MerkleTree();
        for (byte[] header : headers) {
            tree.append(header);
        }
        byte[] root = tree.root();
        byte[] rootSignature = signer.sign(root);
        List<TreeSignature> signed = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            signed.add(new TreeSignature(rootSignature, i, batch, tree.inclusionProof(i, batch)));
        }
        return signed;
    }

    /**
     * What a receiver would do for one envelope of a batch: the path from its header to the root, then the root's
     * signature (once per envelope: the envelopes of one batch reach different receivers).
     */
    @Benchmark
    public Object verifyOneOfTree() {
        if (!MerkleTree.verifyInclusion(MerkleTree.leafHash(headers[batch - 1]), lastOfBatch.index(),
                lastOfBatch.size(), lastOfBatch.path(), treeRoot)) {
            throw new IllegalStateException("the inclusion path does not lead to the signed root");
        }
        return verifier.verify(treeRoot, lastOfBatch.rootSignature(), Instant.now());
    }
}
