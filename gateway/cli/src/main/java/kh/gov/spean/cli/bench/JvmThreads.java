package kh.gov.spean.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU of the JVM's own threads that no Java thread stands for — the JIT's compiler threads and the garbage
 * collector's — read from Linux's {@code /proc/self/task}: each thread's name ({@code comm}) and its time on a CPU in
 * nanoseconds (the first field of {@code schedstat}). Where there is no such directory it finds no thread.
 */
final class JvmThreads {

    enum Kind { JIT_COMPILER, GARBAGE_COLLECTOR }

    private static final Path TASKS = Path.of("/proc/self/task");

    private JvmThreads() {
    }

    /**
     * The kind of a thread by its name as the kernel keeps it (cut to 15 characters): "C1 CompilerThre",
     * "C2 CompilerThre" and the code cache's "Sweeper thread" are the JIT's; G1's "GC Thread#0", "G1 Conc#0",
     * "G1 Refine#0", "G1 Main Marker" and "G1 Service" the collector's; any other name null.
     */
    static Kind kind(String threadName) {
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")
                || threadName.equals("Sweeper thread")) {
            return Kind.JIT_COMPILER;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return Kind.GARBAGE_COLLECTOR;
        }
        return null;
    }

    /** A live thread of one of the kinds, by the kernel's thread id. */
    record Cpu(Kind kind, long nanos) {
    }

    /** Every live thread of a {@link Kind}, by thread id, with its CPU nanoseconds so far. */
    static Map<Long, Cpu> now() {
        Map<Long, Cpu> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                read(task, threads);
            }
        } catch (IOException e) {
            // no /proc here (or not readable): no thread is counted apart
        }
        return threads;
    }

    /** A thread that ends while it is read is left out, as it would be had it ended a moment earlier. */
    private static void read(Path task, Map<Long, Cpu> threads) {
        try {
            Kind kind = kind(Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip());
            if (kind == null) {
                return;
            }
            String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII).strip();
            long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
            threads.put(Long.parseLong(task.getFileName().toString()), new Cpu(kind, nanos));
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            // ended meanwhile, or a schedstat that does not begin with the nanoseconds on a CPU: not counted apart
        }
    }
}
