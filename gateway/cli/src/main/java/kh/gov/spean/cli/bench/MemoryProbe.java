package kh.gov.spean.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * A JVM's memory as an operator sizes a node by it: its resident set (Linux's {@code VmRSS}, every page it holds in
 * memory: heap, code, metaspace, thread stacks, direct buffers) and its heap in use. Another JVM's heap is read over
 * JMX, through the agent the attach API starts in it.
 */
final class MemoryProbe implements AutoCloseable {

    /** One reading, in MiB. */
    record Usage(double rssMb, double heapUsedMb) {

        Usage max(Usage other) {
            return new Usage(Math.max(rssMb, other.rssMb), Math.max(heapUsedMb, other.heapUsedMb));
        }
    }

    private static final double MIB = 1024 * 1024;

    private final String pid;
    private final MemoryMXBean memory;
    private final JMXConnector connector;

    private MemoryProbe(String pid, MemoryMXBean memory, JMXConnector connector) {
        this.pid = pid;
        this.memory = memory;
        this.connector = connector;
    }

    /** This JVM. */
    static MemoryProbe self() {
        return new MemoryProbe("self", ManagementFactory.getMemoryMXBean(), null);
    }

    /** The JVM of process {@code pid}, run by this user. */
    static MemoryProbe of(long pid) throws IOException {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new MemoryProbe(Long.toString(pid), ManagementFactory.newPlatformMXBeanProxy(
                    connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class),
                    connector);
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to the JVM of process " + pid + ": " + e.getMessage(), e);
        }
    }

    Usage read() throws IOException {
        return new Usage(rssKib() * 1024 / MIB, memory.getHeapMemoryUsage().getUsed() / MIB);
    }

    /** "VmRSS:    123456 kB" in {@code /proc/PID/status}. */
    private long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    @Override
    public void close() throws IOException {
        if (connector != null) {
            connector.close();
        }
    }
}
