package kh.gov.spean.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.TimestampVerifier;
import kh.gov.spean.error.SpeanException;

/**
 * Everything an auditor needs to trust one message-log entry, each part checked here: the envelope header and its
 * signature (verified against the federation CA at the time it was logged, and the signer being the one the entry
 * names), the first checkpoint that covers the entry (its signature by the node's member, its RFC 3161 timestamp, its
 * root matching the log), and the entry's RFC 9162 inclusion proof against that checkpoint's root.
 *
 * @param checkpointSize null while no checkpoint covers the entry yet (the checkpoint fields are then null too)
 */
public record EntryEvidence(LogEntry entry, String header, String signer, Check signature, Long checkpointSize,
                            String checkpointText, Instant timestampedAt, Check checkpoint, String leafHash,
                            List<String> auditPath, String rootHash, Check inclusion) {

    /** A check's outcome, and why. */
    public record Check(boolean verified, String detail) {

        static Check passed(String detail) {
            return new Check(true, detail);
        }

        static Check failed(String detail) {
            return new Check(false, detail);
        }
    }

    /** The evidence for entry {@code index} of the log in {@code files}; IllegalArgumentException if there is none. */
    public static EntryEvidence of(LogFiles files, long index, X509Certificate trustAnchor) throws IOException {
        MerkleTree tree = new MerkleTree();
        LogReader.StoredEntry[] found = new LogReader.StoredEntry[1];
        LogReader.forEach(files, stored -> {
            tree.appendLeafHash(MerkleTree.leafHash(stored.line()));
            if (stored.entry().index() == index) {
                found[0] = stored;
            }
        });
        if (found[0] == null) {
            throw new IllegalArgumentException("the log holds no entry " + index);
        }
        LogEntry entry = found[0].entry();
        DetachedSignatureVerifier signatures = new DetachedSignatureVerifier(trustAnchor);
        String header = entry.header() == null ? null
                : new String(Digests.fromBase64(entry.header()), StandardCharsets.UTF_8);
        String signer = null;
        Check signature = Check.failed("the entry records no signed envelope");
        if (header != null && entry.signature() != null) {
            try {
                X509Certificate certificate = signatures.verify(Digests.fromBase64(entry.header()),
                        Digests.fromBase64(entry.signature()), entry.recordedAt());
                signer = certificate.getSubjectX500Principal().getName();
                signature = LogEntries.certificateReference(certificate).equals(entry.signer())
                        ? Check.passed("signed by " + signer + ", certified by the federation CA")
                        : Check.failed("signed by " + signer + ", not by the certificate the entry names");
            } catch (SpeanException e) {
                signature = Check.failed(e.code() + ": " + e.detail());
            }
        }

        Long size = files.checkpointSizes().stream().filter(candidate -> candidate > index).findFirst().orElse(null);
        if (size == null) {
            return new EntryEvidence(entry, header, signer, signature, null, null, null, null,
                    Digests.hex(MerkleTree.leafHash(found[0].line())), null, null, null);
        }
        byte[] text = Files.readAllBytes(files.checkpointText(size));
        Checkpoint parsed = Checkpoint.parse(text);
        Instant stampedAt = null;
        Check checkpoint;
        try {
            stampedAt = new TimestampVerifier(trustAnchor).verify(text, Files.readAllBytes(files.checkpointTimestamp(size)));
            X509Certificate checkpointSigner = signatures.verify(text, Files.readAllBytes(files.checkpointSignature(size)),
                    stampedAt);
            String member = LogSettings.memberOf(parsed.origin());
            boolean byMember = checkpointSigner.getSubjectX500Principal().getName().contains("CN=" + member + " signing");
            boolean rootMatches = MessageDigest.isEqual(tree.root(size), parsed.root());
            checkpoint = !byMember ? Check.failed("signed by " + checkpointSigner.getSubjectX500Principal().getName()
                    + ", not by " + member)
                    : !rootMatches ? Check.failed("its root does not match the log's first " + size + " entries")
                    : Check.passed("signed by " + member + ", timestamped " + stampedAt + ", root matches the log");
        } catch (SpeanException e) {
            checkpoint = Check.failed(e.code() + ": " + e.detail());
        }
        byte[] leaf = MerkleTree.leafHash(found[0].line());
        List<byte[]> path = tree.inclusionProof(index, size);
        Check inclusion = MerkleTree.verifyInclusion(leaf, index, size, path, parsed.root())
                ? Check.passed("entry " + index + " is in the tree of size " + size + " the checkpoint signs")
                : Check.failed("the proof does not lead to the checkpoint's root");
        return new EntryEvidence(entry, header, signer, signature, size, new String(text, StandardCharsets.UTF_8),
                stampedAt, checkpoint, Digests.hex(leaf), path.stream().map(Digests::hex).toList(),
                Digests.hex(parsed.root()), inclusion);
    }
}
