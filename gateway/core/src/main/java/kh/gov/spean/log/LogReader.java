package kh.gov.spean.log;

import java.util.Optional;
import java.util.Arrays;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import kh.gov.spean.json.SpeanJson;

/** Reads a whole log into memory for the auditor's tools (proofs, export): its entries' exact lines and the tree. */
public final class LogReader {

    /** One entry as stored: the exact line (the Merkle leaf) and its parsed form. */
    public record StoredEntry(byte[] line, LogEntry entry) {
    }

    private final List<StoredEntry> entries;
    private final MerkleTree tree;
    private final String origin;

    private LogReader(List<StoredEntry> entries, MerkleTree tree, String origin) {
        this.entries = entries;
        this.tree = tree;
        this.origin = origin;
    }

    /** Reads every complete line; a torn last line is ignored (verification reports it). */
    public static LogReader read(LogFiles files) throws IOException {
        byte[] all = Files.readAllBytes(files.entries());
        List<StoredEntry> entries = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                byte[] line = Arrays.copyOfRange(all, start, i);
                entries.add(new StoredEntry(line, SpeanJson.fromBytes(line, LogEntry.class)));
                tree.append(line);
                start = i + 1;
            }
        }
        return new LogReader(entries, tree, Files.readString(files.origin()).trim());
    }

    public List<StoredEntry> entries() {
        return entries;
    }

    public MerkleTree tree() {
        return tree;
    }

    public String origin() {
        return origin;
    }

    /** The first entry recording this envelope id, if any. */
    public Optional<StoredEntry> firstWithEnvelope(String envelopeId) {
        return entries.stream().filter(stored -> envelopeId.equals(stored.entry().envelopeId())
                && stored.entry().header() != null).findFirst();
    }
}
