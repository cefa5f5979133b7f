package kh.gov.spean.log;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.TimestampVerifier;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;

/**
 * Recomputes a message log from its files, trusting nothing in them but the federation CA: each entry's place, its
 * link to the entry before and, for envelopes, their signature and certificate chain; the Merkle tree; each
 * checkpoint's root, signature and timestamp; and that each checkpoint extends the one before. Stops at the first
 * problem and names it.
 */
public final class LogVerifier {

    /** Where the first problem is (an entry or a checkpoint) and what is wrong there. */
    public record Problem(String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    /**
     * The outcome: counts, and the first problem if any. {@code refusals} is how many messages the log records as
     * refused (an entry that counts several adds its count); -1 when envelope checks were skipped, which do not read
     * whole entries.
     */
    public record Report(String origin, long entries, long signaturesChecked, int checkpoints, long lastCheckpointSize,
                         Problem problem, long refusals) {
        public boolean intact() {
            return problem == null;
        }
    }

    /** Told how far verification has got, for long logs. */
    public interface Progress {
        void entriesVerified(long count);
    }

    static final long PROGRESS_EVERY = 100_000;
    private static final int CHUNK = 4096;

    private final X509Certificate trustAnchor;
    private final boolean checkEnvelopeSignatures;

    public LogVerifier(X509Certificate trustAnchor, boolean checkEnvelopeSignatures) {
        this.trustAnchor = trustAnchor;
        this.checkEnvelopeSignatures = checkEnvelopeSignatures;
    }

    public Report verify(LogFiles files, Progress progress) throws IOException {
        String origin = Files.exists(files.origin()) ? Files.readString(files.origin()).trim() : null;
        if (origin == null) {
            return new Report(null, 0, 0, 0, 0, new Problem("log", "no origin file in " + files.directory()), 0);
        }
        if (!Files.exists(files.entries())) {
            return new Report(origin, 0, 0, 0, 0, new Problem("log", "no entries file in " + files.directory()), 0);
        }
        List<Long> checkpointSizes = files.checkpointSizes();
        Set<Long> wanted = new HashSet<>(checkpointSizes);
        Map<Long, byte[]> rootsAt = new HashMap<>();
        MerkleTree tree = new MerkleTree();
        EnvelopeChecks envelopes = new EnvelopeChecks(new DetachedSignatureVerifier(trustAnchor));
        try (LineReader lines = new LineReader(Files.newInputStream(files.entries()))) {
            Problem problem = null;
            byte[] previousLeaf = new byte[0];
            Instant previousTime = Instant.MIN;
            long index = 0;
            List<byte[]> chunk = new ArrayList<>(CHUNK);
            boolean torn = false;
            while (problem == null) {
                chunk.clear();
                for (byte[] line = lines.next(); line != null; line = chunk.size() < CHUNK ? lines.next() : null) {
                    if (line == LineReader.TORN) {
                        torn = true;
                        break;
                    }
                    chunk.add(line);
                }
                if (chunk.isEmpty() && !torn) {
                    break;
                }
                // Hashing the leaves is most of the work: done on every core, chunk by chunk; the checks stay in order.
                byte[][] leaves = chunk.parallelStream().map(MerkleTree::leafHash).toArray(byte[][]::new);
                for (int i = 0; i < chunk.size() && problem == null; i++) {
                    byte[] line = chunk.get(i);
                    problem = envelopes.firstProblemBefore(index);
                    if (problem != null) {
                        break;
                    }
                    // The chain needs only the first fields; the whole entry is parsed where its envelope is checked.
                    EntryPrefix prefix = EntryPrefix.read(line);
                    LogEntry entry = prefix != null ? null : parse(line);
                    if (prefix == null && entry == null) {
                        problem = new Problem("entry " + index, "line " + (index + 1) + " is not a log entry (its bytes were altered)");
                        break;
                    }
                    long recordedIndex = prefix != null ? prefix.index() : entry.index();
                    Instant recordedAt = prefix != null ? prefix.recordedAt() : entry.recordedAt();
                    if (recordedIndex != index) {
                        problem = new Problem("entry " + index, "it says it is entry " + recordedIndex
                                + ": entries were removed, inserted or reordered");
                        break;
                    }
                    byte[] leaf = leaves[i];
                    if (!Digests.hex(previousLeaf).equals(prefix != null ? prefix.previous() : entry.previous())) {
                        problem = brokenLink(index, leaf, i + 1 < chunk.size() ? chunk.get(i + 1) : lines.next());
                        break;
                    }
                    if (recordedAt == null || recordedAt.isBefore(previousTime)) {
                        problem = new Problem("entry " + index, "recorded before the entry ahead of it");
                        break;
                    }
                    if (checkEnvelopeSignatures) {
                        envelopes.submit(index, line);
                    }
                    tree.appendLeafHash(leaf);
                    previousLeaf = leaf;
                    previousTime = recordedAt;
                    index++;
                    if (wanted.contains(index)) {
                        rootsAt.put(index, tree.root());
                    }
                    if (progress != null && index % PROGRESS_EVERY == 0) {
                        progress.entriesVerified(index);
                    }
                }
                if (problem == null && torn) {
                    problem = envelopes.firstProblemBefore(index);
                    if (problem == null) {
                        problem = new Problem("entry " + index, "the last line has no end: a torn write or a truncated file");
                    }
                }
            }
            // A bad signature earlier in the log is the first problem, even if the chain broke later.
            Problem envelopeProblem = envelopes.firstProblemBefore(Long.MAX_VALUE);
            problem = envelopeProblem != null ? envelopeProblem : problem;
            if (problem != null) {
                return new Report(origin, tree.size(), envelopes.checked(), 0, 0, problem, refusals(envelopes));
            }
        } finally {
            envelopes.close();
        }
        return checkCheckpoints(files, origin, tree, rootsAt, checkpointSizes, envelopes.checked(), refusals(envelopes));
    }

    /** Either the entry before was altered, or this entry's link to it: the next entry's link tells which. */
    private static Problem brokenLink(long index, byte[] leaf, byte[] nextLine) {
        EntryPrefix next = nextLine == null || nextLine == LineReader.TORN ? null : EntryPrefix.read(nextLine);
        if (next == null) {
            return new Problem("entry " + index, "it or the entry before it was altered: its link does not match");
        }
        return Digests.hex(leaf).equals(next.previous())
                ? new Problem("entry " + (index - 1), "it was altered: its hash is not the one entry " + index + " recorded")
                : new Problem("entry " + index, "it was altered: its link to the entry before does not match");
    }

    private Report checkCheckpoints(LogFiles files, String origin, MerkleTree tree, Map<Long, byte[]> rootsAt,
                                    List<Long> sizes, long signaturesChecked, long refusals) throws IOException {
        long entries = tree.size();
        DetachedSignatureVerifier signatures = new DetachedSignatureVerifier(trustAnchor);
        TimestampVerifier timestamps = new TimestampVerifier(trustAnchor);
        Checkpoint previous = null;
        Instant previousTime = Instant.MIN;
        int verified = 0;
        for (long size : sizes) {
            String where = "checkpoint " + size;
            byte[] text = Files.readAllBytes(files.checkpointText(size));
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.parse(text);
            } catch (IllegalArgumentException e) {
                return report(origin, entries, signaturesChecked, refusals, verified, size, where, e.getMessage());
            }
            if (checkpoint.size() != size || !checkpoint.origin().equals(origin)) {
                return report(origin, entries, signaturesChecked, refusals, verified, size, where,
                        "it names " + checkpoint.origin() + " at size " + checkpoint.size() + ", not this log at " + size);
            }
            if (size > entries) {
                return report(origin, entries, signaturesChecked, refusals, verified, size, where, "it covers " + size
                        + " entries but the log holds only " + entries + ": entries were removed");
            }
            if (!MessageDigest.isEqual(rootsAt.get(size), checkpoint.root())) {
                return report(origin, entries, signaturesChecked, refusals, verified, size, where, "its root does not match entries 0.."
                        + (size - 1) + ": an entry was altered, removed or inserted");
            }
            Instant stampedAt;
            try {
                if (!Files.exists(files.checkpointTimestamp(size)) || !Files.exists(files.checkpointSignature(size))) {
                    return report(origin, entries, signaturesChecked, refusals, verified, size, where, "its signature or timestamp is missing");
                }
                stampedAt = timestamps.verify(text, Files.readAllBytes(files.checkpointTimestamp(size)));
                X509Certificate signer = signatures.verify(text, Files.readAllBytes(files.checkpointSignature(size)), stampedAt);
                String member = LogSettings.memberOf(origin);
                if (!signer.getSubjectX500Principal().getName().contains("CN=" + member + " signing")) {
                    return report(origin, entries, signaturesChecked, refusals, verified, size, where,
                            "it is signed by " + signer.getSubjectX500Principal().getName() + ", not by " + member);
                }
            } catch (SpeanException e) {
                return report(origin, entries, signaturesChecked, refusals, verified, size, where, e.code() + ": " + e.detail());
            }
            if (stampedAt.isBefore(previousTime)) {
                return report(origin, entries, signaturesChecked, refusals, verified, size, where, "timestamped before the checkpoint ahead of it");
            }
            if (previous != null && !MerkleTree.verifyConsistency(previous.size(), size, previous.root(), checkpoint.root(),
                    tree.consistencyProof(previous.size(), size))) {
                return report(origin, entries, signaturesChecked, refusals, verified, size, where, "it does not extend checkpoint " + previous.size());
            }
            previous = checkpoint;
            previousTime = stampedAt;
            verified++;
        }
        return new Report(origin, entries, signaturesChecked, verified, previous == null ? 0 : previous.size(), null, refusals);
    }

    private static LogEntry parse(byte[] line) {
        if (line == null || line == LineReader.TORN) {
            return null;
        }
        try {
            return SpeanJson.fromBytes(line, LogEntry.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Report report(String origin, long entries, long signatures, long refusals, int checkpoints,
                                 long lastSize, String where, String what) {
        return new Report(origin, entries, signatures, checkpoints, lastSize, new Problem(where, what), refusals);
    }

    private long refusals(EnvelopeChecks envelopes) {
        return checkEnvelopeSignatures ? envelopes.refusals() : -1;
    }
}
