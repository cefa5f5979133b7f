package kh.gov.spean.bench;

import java.time.Clock;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.federation.TimestampingFiles;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.log.MessageLog;

/**
 * Durable appends to the message log: each returns once its entry is forced to disk. One appender pays a whole fsync
 * per call; eight share one (group commit), as a busy node's routes do. Throughput, in appends per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MessageLogBenchmarks {

    private Federated federated;
    private MessageLog log;
    private Envelope envelope;
    private List<LogEntry> received;
    private List<LogEntry> receivedAndDelivered;

    @Setup(Level.Trial)
    public void setUp() {
        federated = new Federated();
        log = MessageLog.open(new LogSettings(federated.folder.resolve("log"), LogSettings.originOf("KH/GOV/MOI", "jmh"),
                        LogSettings.DEFAULT_CHECKPOINT_EVERY, LogSettings.DEFAULT_CHECKPOINT_INTERVAL),
                new DetachedSigner(federated.moiKeys.signingKey(), federated.moiKeys.signingCertificate()),
                TimestampingFiles.in(federated.folder).loadAuthority(), Clock.systemUTC());
        envelope = federated.sealedRequest();
        received = List.of(LogEntries.received(Federated.MOI, envelope, federated.mefKeys.signingCertificate()));
        receivedAndDelivered = List.of(received.get(0), LogEntries.delivered(Federated.MOI, envelope,
                federated.mefKeys.signingCertificate(), "direct:ID-REGISTRY.verifyCitizen"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        federated.close();
    }

    /** Building an entry from an envelope (base64, digests), no I/O. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public LogEntry buildEntry() {
        return LogEntries.received(Federated.MOI, envelope, federated.mefKeys.signingCertificate());
    }

    @Benchmark
    @Threads(1)
    public long appendOneThread() {
        return log.append(received);
    }

    /** What the provider logs per request (received, delivered), from eight threads sharing each fsync. */
    @Benchmark
    @Threads(8)
    public long appendPairEightThreads() {
        return log.append(receivedAndDelivered);
    }
}
