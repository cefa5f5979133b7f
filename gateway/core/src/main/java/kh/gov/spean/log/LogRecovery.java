package kh.gov.spean.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reopens a log after a stop, clean or not: every complete line (ending in a newline) is an entry that was durable;
 * a last line without its newline is a write the process died in the middle of, never acknowledged, and is cut off.
 */
final class LogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /** Rebuilds the tree from the entries file, truncating a torn tail. */
    static MerkleTree recover(LogFiles files) throws IOException {
        MerkleTree tree = new MerkleTree();
        if (!Files.exists(files.entries())) {
            return tree;
        }
        long complete = 0;
        try (LineReader lines = new LineReader(Files.newInputStream(files.entries()))) {
            for (byte[] line = lines.next(); line != null && line != LineReader.TORN; line = lines.next()) {
                tree.append(line);
                complete += line.length + 1;
            }
        }
        long length = Files.size(files.entries());
        if (complete < length) {
            LOG.warn("the message log {} ended in a torn write of {} bytes (a crash mid-write); cutting it off after entry {}",
                    files.entries(), length - complete, tree.size() - 1);
            try (FileChannel channel = FileChannel.open(files.entries(), StandardOpenOption.WRITE)) {
                channel.truncate(complete);
                channel.force(true);
            }
        }
        return tree;
    }
}
