package kh.gov.spean.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one forced write of a message-log line costs the disk under it, the file growing as the log's does against a
 * file zero-filled ahead and written in place (which the log does not do: its readers would meet the zeros), so that
 * a force need not write the inode as well. A line of about an entry's size per call, forced before the next.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ForcedWriteBenchmarks {

    private static final int LINE_BYTES = 1500;
    private static final long ZERO_FILLED_BYTES = 128L * 1024 * 1024;

    private final ByteBuffer line = ByteBuffer.wrap(line());
    private Path folder;
    private FileChannel growing;
    private FileChannel zeroFilled;
    private long position;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("spean-jmh-forced-writes");
        growing = FileChannel.open(folder.resolve("growing.log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        zeroFilled = FileChannel.open(folder.resolve("zero-filled.log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
        for (long at = 0; at < ZERO_FILLED_BYTES; at += zeros.capacity()) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                zeroFilled.write(zeros, at + zeros.position());
            }
        }
        zeroFilled.force(true);
        position = 0;
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        growing.close();
        zeroFilled.close();
        Files.delete(folder.resolve("growing.log"));
        Files.delete(folder.resolve("zero-filled.log"));
        Files.delete(folder);
    }

    @Benchmark
    public long appendToGrowingFile() throws IOException {
        line.clear();
        while (line.hasRemaining()) {
            growing.write(line);
        }
        growing.force(false);
        return growing.size();
    }

    @Benchmark
    public long writeIntoZeroFilledFile() throws IOException {
        line.clear();
        if (position + LINE_BYTES > ZERO_FILLED_BYTES) {
            position = 0;
        }
        while (line.hasRemaining()) {
            position += zeroFilled.write(line, position);
        }
        zeroFilled.force(false);
        return position;
    }

    private static byte[] line() {
        byte[] bytes = new byte[LINE_BYTES];
        Arrays.fill(bytes, (byte) 'x');
        bytes[LINE_BYTES - 1] = '\n';
        return bytes;
    }
}
