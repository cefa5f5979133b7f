package kh.gov.spean.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.log.MerkleTree;

/**
 * Finds a subject's accesses in a node's message log: the {@code delivered} entries carrying one of the subject's tags
 * among the first {@code size} entries (those a checkpoint covers), each paired with the {@code sent} entry of the answer
 * correlated to it, and proves each entry's inclusion in that checkpoint. It reads the log once, keeping the leaf
 * hashes and the matching entries only.
 */
public final class SubjectAccessSearch {

    private record Found(byte[] line, LogEntry entry, EnvelopeHeader header) {
    }

    private SubjectAccessSearch() {
    }

    /** The accesses to the subject whose tags are {@code tags}, proved against the log's checkpoint of {@code size}. */
    public static SubjectAccesses find(String member, LogFiles files, Set<String> tags, long size) throws IOException {
        MerkleTree tree = new MerkleTree();
        Map<String, Found> requests = new LinkedHashMap<>();
        Map<String, Found> answers = new HashMap<>();
        LogReader.forEach(files, stored -> {
            tree.appendLeafHash(MerkleTree.leafHash(stored.line()));
            LogEntry entry = stored.entry();
            if (entry.index() >= size) {
                return;
            }
            if (LogEntryKind.DELIVERED.wireName().equals(entry.kind()) && tags.contains(entry.subjectTag())) {
                requests.put(entry.envelopeId(), new Found(stored.line(), entry, AccessFacts.header(entry)));
            } else if (!requests.isEmpty() && LogEntryKind.SENT.wireName().equals(entry.kind()) && entry.header() != null) {
                EnvelopeHeader header = AccessFacts.header(entry);
                Found request = requests.get(header.correlationId().toString());
                if (request != null && AccessFacts.answers(header, request.header())) {
                    answers.putIfAbsent(request.entry().envelopeId(), new Found(stored.line(), entry, header));
                }
            }
        });
        byte[] text = Files.readAllBytes(files.checkpointText(size));
        SubjectAccesses.SignedCheckpointFiles checkpoint = new SubjectAccesses.SignedCheckpointFiles(Digests.base64(text),
                Digests.base64(Files.readAllBytes(files.checkpointSignature(size))),
                Digests.base64(Files.readAllBytes(files.checkpointTimestamp(size))));
        List<SubjectAccesses.Access> accesses = new ArrayList<>();
        for (Found request : requests.values()) {
            Found answer = answers.get(request.entry().envelopeId());
            SubjectAccesses.Access facts = AccessFacts.of(request.entry(), answer == null ? null : answer.entry());
            accesses.add(new SubjectAccesses.Access(facts.time(), facts.service(), facts.client(), facts.official(),
                    facts.issue(), facts.purpose(), facts.outcome(), proven(tree, request, size),
                    answer == null ? null : proven(tree, answer, size)));
        }
        return new SubjectAccesses(member, checkpoint, accesses);
    }

    private static SubjectAccesses.ProvenEntry proven(MerkleTree tree, Found found, long size) {
        long index = found.entry().index();
        return new SubjectAccesses.ProvenEntry(index, Digests.base64(found.line()),
                tree.inclusionProof(index, size).stream().map(Digests::hex).toList());
    }
}
