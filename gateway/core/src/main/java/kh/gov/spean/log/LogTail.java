package kh.gov.spean.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import kh.gov.spean.json.SpeanJson;

/**
 * Reads a log backwards from its end, for what a restarting node must remember (the envelopes it received recently),
 * without reading a long log from the start.
 */
public final class LogTail {

    private static final int BLOCK = 1 << 20;

    private LogTail() {
    }

    /** The entries recorded at or after {@code since}, oldest first. */
    public static List<LogEntry> since(LogFiles files, Instant since) throws IOException {
        return since(files, since, BLOCK);
    }

    static List<LogEntry> since(LogFiles files, Instant since, int blockSize) throws IOException {
        List<LogEntry> found = new ArrayList<>();
        if (!java.nio.file.Files.exists(files.entries())) {
            return found;
        }
        try (RandomAccessFile file = new RandomAccessFile(files.entries().toFile(), "r")) {
            long end = file.length();
            byte[] carry = new byte[0];
            while (end > 0) {
                int size = (int) Math.min(blockSize, end);
                byte[] block = new byte[size + carry.length];
                file.seek(end - size);
                file.readFully(block, 0, size);
                System.arraycopy(carry, 0, block, size, carry.length);
                end -= size;
                int lineEnd = block.length;
                for (int i = block.length - 1; i >= 0; i--) {
                    if (block[i] == '\n' || i == 0 && end == 0) {
                        int start = block[i] == '\n' ? i + 1 : 0;
                        if (start < lineEnd) {
                            EntryPrefix prefix = EntryPrefix.read(Arrays.copyOfRange(block, start, lineEnd));
                            if (prefix != null && prefix.recordedAt().isBefore(since)) {
                                Collections.reverse(found);
                                return found;
                            }
                            found.add(SpeanJson.fromBytes(Arrays.copyOfRange(block, start, lineEnd), LogEntry.class));
                        }
                        lineEnd = i;
                    }
                }
                carry = Arrays.copyOfRange(block, 0, lineEnd);
            }
        }
        Collections.reverse(found);
        return found;
    }
}
