package kh.gov.spean.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.federation.TestFederation;

/**
 * A real separate process writing the log is killed with SIGKILL mid-write: reopened, the log keeps every entry it had
 * acknowledged as durable, cuts off any torn tail, continues, and verifies.
 */
class CrashRecoveryTest {

    static final long ACKNOWLEDGED_BEFORE_KILL = 2_000;

    @Test
    void a_log_killed_mid_write_reopens_with_every_acknowledged_entry_and_verifies(@TempDir Path data) throws Exception {
        TestFederation federation = TestFederation.create(data);
        Path logDirectory = data.resolve("KH.GOV.MOI").resolve("log");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogWriterProcess.class.getName(),
                data.toString(), logDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long acknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("durable ")) {
                    acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(8)));
                }
                if (acknowledged >= ACKNOWLEDGED_BEFORE_KILL) {
                    writer.destroyForcibly();
                    break;
                }
            }
        } finally {
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        }
        assertTrue(acknowledged >= ACKNOWLEDGED_BEFORE_KILL, "the writer stopped before being killed");
        assertEquals(137, writer.exitValue(), "killed by SIGKILL");

        long reopenedSize;
        try (MessageLog reopened = TestLog.open(federation, logDirectory)) {
            reopenedSize = reopened.size();
            assertTrue(reopenedSize > acknowledged, "entry " + acknowledged + " was acknowledged but the log holds "
                    + reopenedSize);
            reopened.append(LogEntries.alarm(TestFederation.MOI, "after the crash", kh.gov.spean.error.ErrorCode.INTERNAL,
                    "the log continues"));
        }
        LogVerifier.Report report = new LogVerifier(federation.trustAnchor(), true).verify(new LogFiles(logDirectory), null);
        assertTrue(report.intact(), () -> String.valueOf(report.problem()));
        assertEquals(reopenedSize + 1, report.entries());
        System.out.printf("crash recovery: %d entries acknowledged before SIGKILL, %d found on reopening%n",
                acknowledged + 1, reopenedSize);
    }
}
