package kh.gov.spean.cli.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.federation.TimestampingFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.log.LogEntries;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.log.LogVerifier;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.SettingCheck;

/**
 * {@code spean audit bench}: how fast a node appends durably to its message log, and how fast an auditor verifies it —
 * the tree and checkpoints alone, and with every envelope signature. Prints figures; asserts nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure durable appends to a message log and its verification (figures, on this machine).")
public final class AuditBenchCommand implements Callable<Integer> {

    /** More than the verifier remembers, so that every request's signature is verified once, as in a real log. */
    static final int DISTINCT_ENVELOPES = 1000;

    @Option(names = "--entries", defaultValue = "200000", description = "Entries to append (default: ${DEFAULT-VALUE}).")
    long entries;

    @Option(names = "--threads", defaultValue = "8", description = "Concurrent appenders, as a busy node has (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data", description = "Where to write (default: a new folder under data/bench).")
    Path data;

    @Override
    public Integer call() throws Exception {
        SettingCheck.require(entries > 0, "entries", "must be positive, was " + entries);
        SettingCheck.require(threads > 0, "threads", "must be positive, was " + threads);
        Path folder = data != null ? data : Files.createDirectories(SpeanHome.root().resolve("data").resolve("bench"))
                .resolve("log-" + System.currentTimeMillis());
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), folder);
        Federation federation = FederationLoader.load(FederationFiles.in(folder), Clock.systemUTC().instant());
        MemberId moi = MemberId.parse("KH/GOV/MOI");
        MemberId mef = MemberId.parse("KH/GOV/MEF");
        MemberKeys moiKeys = MemberFiles.in(folder, moi).loadKeys();
        MemberKeys mefKeys = MemberFiles.in(folder, mef).loadKeys();
        Federation.Service service = federation.services().iterator().next();
        EnvelopeSealer sealer = new EnvelopeSealer(mefKeys, Clock.systemUTC(), Duration.ofMinutes(5));
        // What a provider logs for each request: received, then delivered (one group commit); distinct envelopes.
        List<List<LogEntry>> pairs = new ArrayList<>();
        for (int i = 0; i < DISTINCT_ENVELOPES; i++) {
            Envelope envelope = sealer.seal(EnvelopeDraft.request(new SubsystemId(mef, "BUSINESS-REGISTRY"), service.id(),
                            service.requestSchema(), federation.schemaDigest(service.requestSchema()).orElseThrow()),
                    ("{\"nationalId\":\"" + (100000000 + i) + "\",\"fullNameEn\":\"Sok Chandara\",\"dateOfBirth\":\"1990-01-31\"}")
                            .getBytes(StandardCharsets.UTF_8),
                    federation.member(moi).orElseThrow().encryptionCertificate()).envelope();
            pairs.add(List.of(LogEntries.received(moi, envelope, mefKeys.signingCertificate()),
                    LogEntries.delivered(moi, envelope, mefKeys.signingCertificate(), "direct:ID-REGISTRY.verifyCitizen")));
        }
        LogEntry received = pairs.get(0).get(0);
        LogFiles files = new LogFiles(folder.resolve(moi.folderName()).resolve("log"));

        System.out.printf("Message log benchmark: %d entries of about %d bytes (received + delivered per request, %d distinct"
                        + " envelopes), %d appending threads, %d cores%n", entries, received.toString().length(),
                DISTINCT_ENVELOPES, threads, Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        try (MessageLog log = MessageLog.open(new LogSettings(files.directory(), LogSettings.originOf(moi.toString(), "bench"),
                        LogSettings.DEFAULT_CHECKPOINT_EVERY, LogSettings.DEFAULT_CHECKPOINT_INTERVAL),
                new DetachedSigner(moiKeys.signingKey(), moiKeys.signingCertificate()),
                TimestampingFiles.in(folder).loadAuthority(), Clock.systemUTC())) {
            AtomicLong remaining = new AtomicLong(entries / 2);
            List<Thread> appenders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread appender = new Thread(() -> {
                    for (long pair = remaining.getAndDecrement(); pair > 0; pair = remaining.getAndDecrement()) {
                        log.append(pairs.get((int) (pair % DISTINCT_ENVELOPES)));
                    }
                });
                appender.start();
                appenders.add(appender);
            }
            for (Thread appender : appenders) {
                appender.join();
            }
        }
        double appendSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("append (each durable before it returns, checkpoints every %d): %.0f entries/s (%.1f s), file %d MB%n",
                LogSettings.DEFAULT_CHECKPOINT_EVERY, entries / appendSeconds, appendSeconds,
                Files.size(files.entries()) / 1_000_000);

        for (boolean signatures : new boolean[] {false, true}) {
            long verifyStarted = System.nanoTime();
            LogVerifier.Report report = new LogVerifier(FederationLoader.loadTrustAnchor(FederationFiles.in(folder)), signatures)
                    .verify(files, null);
            double seconds = (System.nanoTime() - verifyStarted) / 1e9;
            System.out.printf("verify %s: %.0f entries/s (%.1f s, %d checkpoints, %s)%n",
                    signatures ? "everything, with every envelope signature" : "entries, tree and checkpoints",
                    report.entries() / seconds, seconds, report.checkpoints(), report.intact() ? "intact" : report.problem());
        }
        System.out.println("data: " + folder + " (delete it when done)");
        return 0;
    }
}
