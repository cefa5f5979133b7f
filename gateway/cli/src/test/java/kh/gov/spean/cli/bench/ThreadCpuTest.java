package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
