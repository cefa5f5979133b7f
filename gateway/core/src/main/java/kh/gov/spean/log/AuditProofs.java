package kh.gov.spean.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The proofs an auditor asks for, as JSON with hex hashes so that any RFC 9162 implementation can check them:
 * inclusion of one envelope's entry in the latest checkpoint (§2.1.3), and consistency between two tree sizes (§2.1.4).
 */
public final class AuditProofs {

    /** An entry, its RFC 9162 inclusion proof, and the checkpoint it is proved against. */
    public record InclusionProof(String origin, long leafIndex, String leafHash, long treeSize, String rootHash,
                                 List<String> auditPath, String checkpoint, LogEntry entry) {
    }

    /** An RFC 9162 consistency proof between two sizes of one log, with both roots. */
    public record ConsistencyProof(String origin, long firstSize, String firstRootHash, long secondSize,
                                   String secondRootHash, List<String> proof) {
    }

    private AuditProofs() {
    }

    public static InclusionProof inclusion(LogFiles files, String envelopeId) throws IOException {
        LogReader.Found log = LogReader.find(files, envelopeId);
        LogReader.StoredEntry stored = log.entry();
        if (stored == null) {
            throw new SpeanException(ErrorCode.UNKNOWN_ENTRY, "no entry for envelope " + envelopeId + " in " + files.directory());
        }
        List<Long> sizes = files.checkpointSizes();
        if (sizes.isEmpty() || sizes.get(sizes.size() - 1) <= stored.entry().index()) {
            throw new SpeanException(ErrorCode.UNKNOWN_ENTRY,
                    "entry " + stored.entry().index() + " is not yet covered by a checkpoint");
        }
        long size = sizes.get(sizes.size() - 1);
        byte[] text = Files.readAllBytes(files.checkpointText(size));
        MerkleTree tree = log.tree();
        return new InclusionProof(log.origin(), stored.entry().index(), Digests.hex(MerkleTree.leafHash(stored.line())),
                size, Digests.hex(tree.root(size)), hex(tree.inclusionProof(stored.entry().index(), size)),
                new String(text, StandardCharsets.UTF_8), stored.entry());
    }

    public static ConsistencyProof consistency(LogFiles files, long first, long second) throws IOException {
        MerkleTree tree = LogReader.tree(files);
        if (first < 1 || second > tree.size() || first > second) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "sizes must satisfy 1 <= from <= to <= " + tree.size());
        }
        return new ConsistencyProof(Files.readString(files.origin()).trim(), first, Digests.hex(tree.root(first)), second,
                Digests.hex(tree.root(second)), hex(tree.consistencyProof(first, second)));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Digests::hex).toList();
    }
}
