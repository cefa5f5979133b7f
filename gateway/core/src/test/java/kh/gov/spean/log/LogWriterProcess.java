package kh.gov.spean.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.TestFederation;

/**
 * A separate process that appends to a message log from four threads as fast as it can and prints each index it was
 * told is durable, until it is killed. {@link CrashRecoveryTest} kills it with SIGKILL mid-write.
 */
public final class LogWriterProcess {

    private LogWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        TestFederation federation = TestFederation.load(data);
        MessageLog log = TestLog.open(federation, Path.of(args[1]));
        AtomicLong counter = new AtomicLong();
        Runnable writer = () -> {
            while (true) {
                long n = counter.incrementAndGet();
                long index = log.append(LogEntries.rejected(TestFederation.MOI, null,
                        ("record " + n).getBytes(StandardCharsets.UTF_8), "inbox", ErrorCode.ENVELOPE_MALFORMED,
                        "crash test " + n));
                synchronized (System.out) {
                    System.out.println("durable " + index);
                    System.out.flush();
                }
            }
        };
        for (int i = 0; i < 4; i++) {
            new Thread(writer, "writer-" + i).start();
        }
    }
}
