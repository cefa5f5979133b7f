package kh.gov.spean.cli.bench;

import java.lang.management.ManagementFactory;

/** The CPU this JVM has used: the broker, the nodes, the register and the load generator, all threads together. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** CPU nanoseconds since this JVM started. */
    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
