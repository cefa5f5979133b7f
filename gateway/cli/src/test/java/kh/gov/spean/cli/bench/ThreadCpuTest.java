package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    private static final long BURNT_NANOS = 50_000_000L;

    @Test
    void numbered_threads_of_one_kind_count_as_one_group() {
        assertEquals("Camel (camel-N) thread #N - KafkaConsumer[spean.inbox.KH.GOV.MOI]",
                ThreadCpu.group("Camel (camel-3) thread #12 - KafkaConsumer[spean.inbox.KH.GOV.MOI]"));
        assertEquals(ThreadCpu.group("bench-client-0"), ThreadCpu.group("bench-client-15"));
    }

    @Test
    void the_jvms_compiler_and_collector_threads_are_told_apart_by_their_kernel_names() {
        assertEquals(JvmThreads.Kind.JIT_COMPILER, JvmThreads.kind("C2 CompilerThre"));
        assertEquals(JvmThreads.Kind.JIT_COMPILER, JvmThreads.kind("C1 CompilerThre"));
        assertEquals(JvmThreads.Kind.GARBAGE_COLLECTOR, JvmThreads.kind("GC Thread#1"));
        assertEquals(JvmThreads.Kind.GARBAGE_COLLECTOR, JvmThreads.kind("G1 Conc#0"));
        assertEquals(JvmThreads.Kind.GARBAGE_COLLECTOR, JvmThreads.kind("G1 Refine#0"));
        assertNull(JvmThreads.kind("VM Thread"));
        assertNull(JvmThreads.kind("Camel (camel-1)"));
    }

    @Test
    void a_collections_cpu_is_billed_to_the_garbage_collector() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "the JVM's own threads are read from Linux's /proc");
        ThreadCpu threadCpu = new ThreadCpu();
        threadCpu.start();
        long processBefore = processCpuNanos();
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            garbage.add(new byte[16 * 1024]);
        }
        garbage.clear();
        System.gc(); // G1 does a full collection on its GC threads

        Map<String, Long> groups = threadCpu.since(processCpuNanos() - processBefore);

        assertTrue(groups.getOrDefault(ThreadCpu.GARBAGE_COLLECTOR, 0L) > 0, groups.toString());
    }

    @Test
    void a_busy_threads_cpu_is_billed_to_its_group_and_the_rest_to_the_jvm() throws InterruptedException {
        ThreadCpu threadCpu = new ThreadCpu();
        threadCpu.start();
        long processBefore = processCpuNanos();
        CountDownLatch burnt = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            Thread burner = new Thread(() -> burnThenWait(burnt, release), "cpu-burner-" + i);
            burner.setDaemon(true);
            burner.start();
        }
        burnt.await();

        Map<String, Long> groups = threadCpu.since(processCpuNanos() - processBefore);
        release.countDown();

        assertTrue(groups.get("cpu-burner-N") >= 2 * BURNT_NANOS, groups.toString());
        assertTrue(groups.containsKey(ThreadCpu.JVM_INTERNAL), groups.toString());
        long previous = Long.MAX_VALUE;
        for (long nanos : groups.values()) {
            assertTrue(nanos <= previous, "largest first: " + groups);
            previous = nanos;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void burnThenWait(CountDownLatch burnt, CountDownLatch release) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        while (threads.getCurrentThreadCpuTime() < BURNT_NANOS) {
            Thread.onSpinWait();
        }
        burnt.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
