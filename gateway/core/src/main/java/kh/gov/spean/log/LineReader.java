package kh.gov.spean.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the entries file line by line as exact bytes (each line is a Merkle leaf), telling a torn last line apart. A line
 * longer than any entry could be ({@value #MAX_LINE} bytes) is refused rather than held: a tampered log cannot make
 * its reader run out of memory.
 */
final class LineReader implements AutoCloseable {

    static final int MAX_LINE = 16 << 20;

    /** Returned for a last line that has no newline. */
    static final byte[] TORN = new byte[0];

    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private boolean exhausted;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its newline; {@link #TORN} for an unterminated last line; null at the end. */
    byte[] next() throws IOException {
        int scanned = start;
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(buffer, start, i);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end;
            if (exhausted) {
                if (start == end) {
                    return null;
                }
                start = end;
                return TORN;
            }
            scanned -= fill();
        }
    }

    /** Moves the unread bytes to the front, grows the buffer if a line fills it, reads more; returns the shift. */
    private int fill() throws IOException {
        int shift = start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new IOException("a line of the log is longer than " + MAX_LINE + " bytes: no entry is that long");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            exhausted = true;
        } else {
            end += read;
        }
        return shift;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
