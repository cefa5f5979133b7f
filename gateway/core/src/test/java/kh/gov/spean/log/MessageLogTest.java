package kh.gov.spean.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.envelope.SealedEnvelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.TestFederation;

/** A real log of real envelopes: it verifies, and every kind of tampering is caught and placed. */
class MessageLogTest {

    static final byte[] PAYLOAD = TestLog.PAYLOAD;

    @TempDir
    static Path data;
    static TestFederation federation;
    static LogFiles log;
    static SealedEnvelope firstRequest;
    static long entries;

    @BeforeAll
    static void writeALog() {
        TestLog written = TestLog.write(data);
        federation = written.federation();
        log = written.files();
        firstRequest = written.firstRequest();
        entries = written.entries();
    }

    static MessageLog open(Path directory) {
        return TestLog.open(federation, directory);
    }

    @Test
    void the_log_verifies_end_to_end_with_every_envelope_signature() throws IOException {
        LogVerifier.Report report = verify(log);
        assertTrue(report.intact(), () -> String.valueOf(report.problem()));
        assertEquals(entries, report.entries());
        assertEquals(entries, report.lastCheckpointSize(), "closing the log takes a final checkpoint");
        assertTrue(report.checkpoints() >= 5, "a checkpoint every 5 entries");
        assertEquals(25, report.signaturesChecked());
    }

    @Test
    void no_payload_is_written_anywhere_in_the_log() throws IOException {
        try (Stream<Path> files = Files.walk(log.directory())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("Sok Chandara") || bytes.contains("010203040"), file.toString());
            }
        }
    }

    @Test
    void a_changed_byte_in_any_entry_is_caught_and_placed(@TempDir Path work) throws IOException {
        List<byte[]> lines = lines(log);
        for (int i = 0; i < lines.size(); i++) {
            for (int offset : new int[] {5, lines.get(i).length / 2, lines.get(i).length - 3}) {
                LogFiles copy = copy(log, work.resolve(i + "-" + offset));
                List<byte[]> altered = lines(log);
                byte[] line = altered.get(i);
                line[offset] = (byte) (line[offset] == '0' ? '1' : line[offset] == 'A' ? 'B' : '0');
                write(copy, altered);
                LogVerifier.Problem problem = verify(copy).problem();
                assertNotNull(problem, "entry " + i + " byte " + offset + " changed, yet the log verifies");
                // The last entry has no successor to vouch for it: a change there or just before is placed at the
                // last entry (or found by the checkpoint over it).
                boolean nearTheEnd = i >= lines.size() - 2;
                assertTrue(problem.where().equals("entry " + i)
                                || (nearTheEnd && (problem.where().equals("entry " + (lines.size() - 1))
                                        || problem.where().startsWith("checkpoint"))),
                        "entry " + i + " byte " + offset + " changed, but the verifier names " + problem);
            }
        }
    }

    @Test
    void a_removed_entry_is_caught_and_placed(@TempDir Path work) throws IOException {
        for (int i = 0; i < entries; i++) {
            LogFiles copy = copy(log, work.resolve("removed-" + i));
            List<byte[]> lines = lines(log);
            lines.remove(i);
            write(copy, lines);
            LogVerifier.Problem problem = verify(copy).problem();
            assertNotNull(problem, "entry " + i + " removed, yet the log verifies");
            assertTrue(problem.where().equals("entry " + i) || problem.where().startsWith("checkpoint"), problem.toString());
        }
    }

    @Test
    void two_swapped_entries_are_caught_and_placed(@TempDir Path work) throws IOException {
        for (int i = 0; i + 1 < entries; i++) {
            LogFiles copy = copy(log, work.resolve("swapped-" + i));
            List<byte[]> lines = lines(log);
            byte[] first = lines.get(i);
            lines.set(i, lines.get(i + 1));
            lines.set(i + 1, first);
            write(copy, lines);
            LogVerifier.Problem problem = verify(copy).problem();
            assertNotNull(problem, "entries " + i + " and " + (i + 1) + " swapped, yet the log verifies");
            assertEquals("entry " + i, problem.where(), problem.toString());
        }
    }

    @Test
    void a_truncated_log_is_caught(@TempDir Path work) throws IOException {
        LogFiles fewer = copy(log, work.resolve("fewer"));
        List<byte[]> lines = lines(log);
        write(fewer, lines.subList(0, lines.size() - 2));
        assertTrue(verify(fewer).problem().where().startsWith("checkpoint"), verify(fewer).problem().toString());

        LogFiles torn = copy(log, work.resolve("torn"));
        byte[] all = Files.readAllBytes(log.entries());
        Files.write(torn.entries(), Arrays.copyOf(all, all.length - 10));
        assertEquals("entry " + (entries - 1), verify(torn).problem().where());
    }

    @Test
    void a_replaced_checkpoint_is_caught(@TempDir Path work) throws IOException {
        List<Long> sizes = log.checkpointSizes();
        long size = sizes.get(1);
        LogFiles forgedRoot = copy(log, work.resolve("root"));
        Checkpoint genuine = Checkpoint.parse(Files.readAllBytes(log.checkpointText(size)));
        Files.write(forgedRoot.checkpointText(size), new Checkpoint(genuine.origin(), size, new byte[32]).text());
        assertEquals("checkpoint " + size, verify(forgedRoot).problem().where());

        LogFiles otherSignature = copy(log, work.resolve("signature"));
        Files.copy(log.checkpointSignature(sizes.get(0)), otherSignature.checkpointSignature(size),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LogVerifier.Problem problem = verify(otherSignature).problem();
        assertEquals("checkpoint " + size, problem.where());
        assertTrue(problem.what().contains("signature_invalid"), problem.toString());

        LogFiles otherTimestamp = copy(log, work.resolve("timestamp"));
        Files.copy(log.checkpointTimestamp(sizes.get(0)), otherTimestamp.checkpointTimestamp(size),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("checkpoint " + size, verify(otherTimestamp).problem().where());
    }

    @Test
    void an_inclusion_proof_checks_out_against_the_latest_checkpoint() throws IOException {
        String id = firstRequest.envelope().header().id().toString();
        AuditProofs.InclusionProof proof = AuditProofs.inclusion(log, id);
        List<byte[]> path = proof.auditPath().stream().map(MessageLogTest::unhex).toList();
        Checkpoint checkpoint = Checkpoint.parse(proof.checkpoint().getBytes(StandardCharsets.UTF_8));
        assertEquals(proof.treeSize(), checkpoint.size());
        assertTrue(MerkleTree.verifyInclusion(unhex(proof.leafHash()), proof.leafIndex(), proof.treeSize(), path,
                checkpoint.root()));
        assertEquals(id, proof.entry().envelopeId());
    }

    @Test
    void a_consistency_proof_links_two_sizes_of_the_log() throws IOException {
        AuditProofs.ConsistencyProof proof = AuditProofs.consistency(log, 5, entries);
        assertTrue(MerkleTree.verifyConsistency(5, entries, unhex(proof.firstRootHash()), unhex(proof.secondRootHash()),
                proof.proof().stream().map(MessageLogTest::unhex).toList()));
    }

    @Test
    void an_envelope_the_log_does_not_hold_and_sizes_it_does_not_have_are_refused_with_their_codes() {
        SpeanException noProof = assertThrows(SpeanException.class, () -> AuditProofs.inclusion(log, "no-such-envelope"));
        assertEquals(ErrorCode.UNKNOWN_ENTRY, noProof.code());
        SpeanException noCommitment = assertThrows(SpeanException.class,
                () -> CommitmentCheck.check(log, "no-such-envelope", PAYLOAD, new byte[32], null));
        assertEquals(ErrorCode.UNKNOWN_ENTRY, noCommitment.code());
        SpeanException beyond = assertThrows(SpeanException.class, () -> AuditProofs.consistency(log, 1, entries + 1));
        assertEquals(ErrorCode.MALFORMED_REQUEST, beyond.code());
        SpeanException backwards = assertThrows(SpeanException.class, () -> AuditProofs.consistency(log, 5, 4));
        assertEquals(ErrorCode.MALFORMED_REQUEST, backwards.code());
    }

    @Test
    void a_kept_payload_and_salt_open_the_commitment_and_another_payload_does_not() throws IOException {
        String id = firstRequest.envelope().header().id().toString();
        assertTrue(CommitmentCheck.check(log, id, PAYLOAD, firstRequest.salt(), null).opens());
        assertFalse(CommitmentCheck.check(log, id, "{\"nationalId\":\"999999999\"}".getBytes(StandardCharsets.UTF_8),
                firstRequest.salt(), null).opens());
        assertFalse(CommitmentCheck.check(log, id, PAYLOAD, new byte[32], null).opens());
    }

    @Test
    void reopening_the_log_continues_the_same_tree(@TempDir Path work) throws IOException {
        LogFiles copy = copy(log, work.resolve("reopened"));
        try (MessageLog reopened = open(copy.directory())) {
            assertEquals(entries, reopened.size());
            reopened.append(LogEntries.rejected(TestFederation.MOI, null, new byte[] {1}, "inbox",
                    ErrorCode.ENVELOPE_MALFORMED, "after restart"));
        }
        LogVerifier.Report report = verify(copy);
        assertTrue(report.intact(), () -> String.valueOf(report.problem()));
        assertEquals(entries + 1, report.entries());
    }

    @Test
    void the_tail_of_the_log_reads_back_the_recent_entries_across_block_boundaries() throws IOException {
        List<LogEntry> all = new ArrayList<>();
        LogReader.forEach(log, stored -> all.add(stored.entry()));
        for (int block : new int[] {97, 1000, 1 << 20}) {
            assertEquals(all, LogTail.since(log, java.time.Instant.MIN, block), "block " + block);
            LogEntry middle = all.get(all.size() / 2);
            List<LogEntry> recent = LogTail.since(log, middle.recordedAt(), block);
            assertTrue(recent.contains(middle) && recent.get(recent.size() - 1).equals(all.get(all.size() - 1)));
            assertTrue(recent.stream().allMatch(entry -> !entry.recordedAt().isBefore(middle.recordedAt())));
        }
    }

    static LogVerifier.Report verify(LogFiles files) throws IOException {
        return new LogVerifier(federation.trustAnchor(), true).verify(files, null);
    }

    static List<byte[]> lines(LogFiles files) throws IOException {
        byte[] all = Files.readAllBytes(files.entries());
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    static void write(LogFiles files, List<byte[]> lines) throws IOException {
        try (var out = Files.newOutputStream(files.entries())) {
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    static LogFiles copy(LogFiles source, Path target) throws IOException {
        LogFiles copy = new LogFiles(target);
        Files.createDirectories(copy.checkpoints());
        Files.copy(source.entries(), copy.entries());
        Files.copy(source.origin(), copy.origin());
        try (Stream<Path> checkpoints = Files.list(source.checkpoints())) {
            for (Path file : checkpoints.toList()) {
                Files.copy(file, copy.checkpoints().resolve(file.getFileName()));
            }
        }
        return copy;
    }

    static byte[] unhex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
