package kh.gov.spean.log;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads the entries file line by line as exact bytes (each line is a Merkle leaf), telling a torn last line apart. */
final class LineReader implements AutoCloseable {

    /** Returned for a last line that has no newline. */
    static final byte[] TORN = new byte[0];

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(2048);

    LineReader(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next line without its newline; {@link #TORN} for an unterminated last line; null at the end. */
    byte[] next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
        return line.size() > 0 ? TORN : null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
