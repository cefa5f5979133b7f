package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.log.LogVerifier;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.node.kafka.Topics;

/**
 * A flood of garbage written straight into a member's inbox costs the node a bounded number of message-log entries,
 * while every refusal is still counted exactly: in the node's events, in the log's counts, and by the auditor's
 * verification. Prints the rate and the entries written (figures, not assertions: the machine is shared).
 */
class GarbageRecordsIT {

    static final int RECORDS = 3000;

    @TempDir
    static Path data;
    static TestNetwork network;
    static KafkaProducer<byte[], byte[]> attacker;

    @BeforeAll
    static void start() throws Exception {
        network = TestNetwork.start(data, Duration.ofSeconds(20), settings -> settings, TestNetwork.MOI, TestNetwork.MEF);
        attacker = new KafkaProducer<>(KafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(),
                KafkaSettings.DEFAULT_MAX_RECORD_BYTES).producerProperties());
    }

    @AfterAll
    static void stop() {
        attacker.close();
        network.close();
    }

    @Test
    void a_flood_of_garbage_costs_a_few_log_entries_and_every_refusal_is_counted_exactly() throws Exception {
        GatewayNode moi = network.moi();
        AtomicLong refused = new AtomicLong();
        moi.events().onRejection(rejection -> refused.incrementAndGet());
        moi.log().checkpoint();
        long entriesBefore = moi.log().size();
        long refusalsBefore = refusalsInTheLog(moi);

        long started = System.nanoTime();
        for (int i = 0; i < RECORDS; i++) {
            byte[] garbage = (i % 2 == 0 ? "not an envelope " + i : "{\"v\":1,\"header\":\"AAAA\"").getBytes(StandardCharsets.UTF_8);
            attacker.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MOI), null, garbage));
        }
        attacker.flush();
        await().atMost(Duration.ofSeconds(120)).until(() -> refused.get() >= RECORDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        moi.log().checkpoint(); // closes the refusal window now rather than at the next tick
        long entriesWritten = moi.log().size() - entriesBefore;

        System.out.printf("garbage records: %d refused in %.2f s (%.0f records/s, produce included); "
                + "%d message-log entries written for them%n", RECORDS, seconds, RECORDS / seconds, entriesWritten);
        assertEquals(RECORDS, refused.get(), "every refusal reaches the node's events (metrics, monitoring)");
        assertEquals(RECORDS, refusalsInTheLog(moi) - refusalsBefore, "the log's counts are exact");
        assertTrue(entriesWritten < RECORDS / 10, entriesWritten + " entries for " + RECORDS + " refusals");

        LogVerifier.Report report = new LogVerifier(
                FederationLoader.loadTrustAnchor(FederationFiles.in(data)), true).verify(moi.log().files(), null);
        assertTrue(report.intact(), String.valueOf(report.problem()));
        assertEquals(refusalsInTheLog(moi), report.refusals(), "spean audit verify accounts for every refusal");
    }

    private static long refusalsInTheLog(GatewayNode node) throws Exception {
        long[] total = {0};
        LogReader.forEach(node.log().files(), stored -> total[0] += stored.entry().refusals());
        return total[0];
    }
}
