package kh.gov.spean.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a measured window's CPU went, by thread group: thread names with their numbers folded, so that every inbox
 * consumer of one topic counts together. The JIT compiler's and the garbage collector's threads, which are no Java
 * threads, are counted apart where Linux shows them ({@link JvmThreads}); what the process used beyond all of these is
 * the rest of the JVM. Threads named by the caller (the load generator's, whose name a library picks) are reported
 * under that name.
 */
final class ThreadCpu {

    static final String JIT_COMPILER = "JIT compiler (C1, C2 compiler threads)";
    static final String GARBAGE_COLLECTOR = "garbage collector (GC, G1 threads)";
    static final String JVM_INTERNAL = "rest of the JVM (no Java thread: VM thread, threads that ended, JIT and GC"
            + " where /proc is not read)";
    /** The groups that are the JVM's own work rather than the path's: left out of what a path is said to cost. */
    static final List<String> JVM_OWN = List.of(JIT_COMPILER, GARBAGE_COLLECTOR, JVM_INTERNAL);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startedAt = new HashMap<>();
    private final Map<Long, String> named;
    private Map<Long, JvmThreads.Cpu> jvmThreadsAt = Map.of();

    ThreadCpu() {
        this(Map.of());
    }

    /** @param named thread ids reported under a group name of the caller's rather than their own */
    ThreadCpu(Map<Long, String> named) {
        this.named = Map.copyOf(named);
    }

    /** Notes every live thread's CPU time now. */
    void start() {
        startedAt.clear();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                startedAt.put(id, cpu);
            }
        }
        jvmThreadsAt = JvmThreads.now();
    }

    /**
     * CPU nanoseconds per thread group since {@link #start}, largest first: the JIT's and the collector's threads
     * under {@link #JIT_COMPILER} and {@link #GARBAGE_COLLECTOR}, and the process's CPU beyond all threads counted
     * under {@link #JVM_INTERNAL}; a thread that ended meanwhile counts there too.
     */
    Map<String, Long> since(long processCpuNanos) {
        Map<String, Long> groups = new HashMap<>();
        long javaThreads = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long used = cpu - startedAt.getOrDefault(info.getThreadId(), 0L);
            javaThreads += used;
            groups.merge(named.getOrDefault(info.getThreadId(), group(info.getThreadName())), used, Long::sum);
        }
        long jvmThreads = 0;
        for (Map.Entry<Long, JvmThreads.Cpu> thread : JvmThreads.now().entrySet()) {
            JvmThreads.Cpu before = jvmThreadsAt.get(thread.getKey());
            long used = thread.getValue().nanos() - (before == null ? 0 : before.nanos());
            jvmThreads += used;
            groups.merge(group(thread.getValue().kind()), used, Long::sum);
        }
        groups.put(JVM_INTERNAL, Math.max(0, processCpuNanos - javaThreads - jvmThreads));
        Map<String, Long> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private static String group(JvmThreads.Kind kind) {
        return switch (kind) {
            case JIT_COMPILER -> JIT_COMPILER;
            case GARBAGE_COLLECTOR -> GARBAGE_COLLECTOR;
        };
    }

    /** "Camel (camel-3) thread #12 - KafkaConsumer[x]" and "Camel (camel-3) thread #13 - KafkaConsumer[x]" are one group. */
    static String group(String threadName) {
        return threadName.replaceAll("\\d+", "N");
    }
}
