package kh.gov.spean.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;

import kh.gov.spean.json.SpeanJson;

/**
 * Streams a log for the auditor's tools — proofs, export, commitments — keeping only the leaf hashes (32 bytes an
 * entry) and the entries asked for, so that a log of millions of entries does not have to fit in memory.
 */
public final class LogReader {

    /** One entry as stored: the exact line (the Merkle leaf) and its parsed form. */
    public record StoredEntry(byte[] line, LogEntry entry) {
    }

    /** The tree over a whole log, and the first entry that records a given envelope, if any. */
    public record Found(String origin, MerkleTree tree, StoredEntry entry) {
    }

    private LogReader() {
    }

    /** The tree of every complete line; a torn last line is left out (verification reports it). */
    public static MerkleTree tree(LogFiles files) throws IOException {
        return find(files, null).tree();
    }

    /** The tree, and the first entry that records {@code envelopeId} with its header (null if none does). */
    public static Found find(LogFiles files, String envelopeId) throws IOException {
        MerkleTree tree = new MerkleTree();
        StoredEntry found = null;
        byte[] needle = envelopeId == null ? null : ("\"envelopeId\":\"" + envelopeId + "\"").getBytes(StandardCharsets.UTF_8);
        try (LineReader lines = new LineReader(Files.newInputStream(files.entries()))) {
            for (byte[] line = lines.next(); line != null && line != LineReader.TORN; line = lines.next()) {
                tree.appendLeafHash(MerkleTree.leafHash(line));
                if (found == null && needle != null && contains(line, needle)) {
                    LogEntry entry = SpeanJson.fromBytes(line, LogEntry.class);
                    if (envelopeId.equals(entry.envelopeId()) && entry.header() != null) {
                        found = new StoredEntry(line, entry);
                    }
                }
            }
        }
        return new Found(Files.readString(files.origin()).trim(), tree, found);
    }

    /** Every complete entry, in order, parsed. */
    public static void forEach(LogFiles files, Consumer<StoredEntry> action) throws IOException {
        try (LineReader lines = new LineReader(Files.newInputStream(files.entries()))) {
            for (byte[] line = lines.next(); line != null && line != LineReader.TORN; line = lines.next()) {
                action.accept(new StoredEntry(line, SpeanJson.fromBytes(line, LogEntry.class)));
            }
        }
    }

    private static boolean contains(byte[] line, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= line.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (line[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
