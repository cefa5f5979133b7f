package kh.gov.spean.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.TimestampAuthority;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.TestFederation;
import kh.gov.spean.federation.TimestampingFiles;

/**
 * A checkpoint that cannot be written (its time-stamping authority fails) gives a coded error, the log goes on taking
 * entries, and the next checkpoint links to the last one written, so that the log still verifies.
 */
class MessageLogCheckpointTest {

    @TempDir
    Path data;

    @Test
    void a_checkpoint_that_cannot_be_written_fails_coded_and_the_next_links_to_the_last_one_written()
            throws IOException {
        TestFederation federation = TestFederation.create(data);
        TimestampAuthority authority = TimestampingFiles.in(federation.data()).loadAuthority();
        AtomicInteger calls = new AtomicInteger();
        TimestampAuthority failingOnce = text -> {
            if (calls.incrementAndGet() == 2) {
                throw new SpeanException(ErrorCode.INTERNAL, "the time-stamping authority does not answer");
            }
            return authority.timestamp(text);
        };
        LogFiles files = new LogFiles(data.resolve("log"));
        try (MessageLog log = open(federation, files, Long.MAX_VALUE, failingOnce)) {
            log.append(refusal("first"));
            assertEquals(1, log.checkpoint());
            assertEquals(1, log.append(refusal("second")));

            SpeanException failed = assertThrows(SpeanException.class, log::checkpoint);

            assertEquals(ErrorCode.INTERNAL, failed.code());
            assertEquals(2, log.append(refusal("third")));
            assertEquals(3, log.checkpoint());
            assertEquals(1, log.lastCheckpoint().previousSize(), "the proof starts from the last checkpoint written");
        }
        assertEquals(List.of(1L, 3L), files.checkpointSizes());
        LogVerifier.Report report = verify(federation, files);
        assertTrue(report.intact(), () -> String.valueOf(report.problem()));
        assertEquals(3, report.entries());
    }

    private static MessageLog open(TestFederation federation, LogFiles files, long checkpointEvery,
                                   TimestampAuthority timestamps) {
        MemberKeys moi = federation.keys(TestFederation.MOI);
        return MessageLog.open(new LogSettings(files.directory(), LogSettings.originOf("KH/GOV/MOI", "node-1"),
                        checkpointEvery, Duration.ofMinutes(10)),
                new DetachedSigner(moi.signingKey(), moi.signingCertificate()), timestamps, Clock.systemUTC());
    }

    private static LogEntry refusal(String detail) {
        return LogEntries.rejected(TestFederation.MOI, null, new byte[] {1}, "inbox", ErrorCode.ENVELOPE_MALFORMED,
                detail);
    }

    private static LogVerifier.Report verify(TestFederation federation, LogFiles files) throws IOException {
        return new LogVerifier(federation.trustAnchor(), true).verify(files, null);
    }
}
