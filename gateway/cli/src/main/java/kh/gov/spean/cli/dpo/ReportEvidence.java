package kh.gov.spean.cli.dpo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.Checkpoint;
import kh.gov.spean.privacy.SubjectAccesses;

/**
 * A report's evidence as files an auditor can open one by one, under {@code evidence/<member folder>/} of the report's
 * folder: the member's checkpoint ({@code checkpoint-<size>.txt}, its CMS signature {@code .sig} and RFC 3161 timestamp
 * {@code .tsr}, all DER as the node wrote them), and per access, in {@code <request entry index>/}, the request's and the
 * answer's log entries byte for byte ({@code request-entry.json}, {@code answer-entry.json}) and their inclusion proofs
 * ({@code proof.json}).
 */
public final class ReportEvidence {

    static final String REQUEST_ENTRY = "request-entry.json";
    static final String ANSWER_ENTRY = "answer-entry.json";
    static final String PROOF = "proof.json";

    /** An entry's place in the log and its RFC 9162 inclusion proof (hex). */
    public record EntryProof(long index, List<String> auditPath) {
    }

    /** The proofs of one access, against the checkpoint of {@code checkpointSize} entries. */
    public record ProofFile(long checkpointSize, EntryProof request, EntryProof answer) {
    }

    /** One access's evidence, read back: its proven entries and the checkpoint they lead to. */
    public record Read(SubjectAccesses.ProvenEntry request, SubjectAccesses.ProvenEntry answer,
                SubjectAccesses.SignedCheckpointFiles checkpoint) {
    }

    private ReportEvidence() {
    }

    /** Writes the evidence of one verified access; answers the files written, relative to {@code report}. */
    static AccessReport.Evidence write(Path report, MemberId member, SubjectAccesses.SignedCheckpointFiles checkpoint,
                                       SubjectAccesses.Access access) throws IOException {
        long size = Checkpoint.parse(Digests.fromBase64(checkpoint.text())).size();
        Path memberFolder = report.resolve("evidence").resolve(member.folderName());
        Path folder = memberFolder.resolve(Long.toString(access.request().index()));
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        files.add(write(folder.resolve(REQUEST_ENTRY), Digests.fromBase64(access.request().line())));
        if (access.answer() != null) {
            files.add(write(folder.resolve(ANSWER_ENTRY), Digests.fromBase64(access.answer().line())));
        }
        ProofFile proof = new ProofFile(size, proofOf(access.request()), access.answer() == null ? null : proofOf(access.answer()));
        files.add(write(folder.resolve(PROOF), (SpeanJson.toPrettyString(proof) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String checkpointName = "checkpoint-" + size;
        files.add(write(memberFolder.resolve(checkpointName + ".txt"), Digests.fromBase64(checkpoint.text())));
        files.add(write(memberFolder.resolve(checkpointName + ".sig"), Digests.fromBase64(checkpoint.signature())));
        files.add(write(memberFolder.resolve(checkpointName + ".tsr"), Digests.fromBase64(checkpoint.timestamp())));
        return new AccessReport.Evidence(access.request().index(), size,
                files.stream().map(file -> report.relativize(file).toString().replace('\\', '/')).toList());
    }

    /**
     * Reads back the evidence a report line names; IOException when a file is missing, IllegalArgumentException when
     * the files do not agree with the line or with each other.
     */
    static Read read(Path report, AccessReport.Evidence evidence) throws IOException {
        byte[] request = null;
        byte[] answer = null;
        ProofFile proof = null;
        byte[] text = null;
        byte[] signature = null;
        byte[] timestamp = null;
        for (String name : evidence.files()) {
            Path file = report.resolve(name).normalize();
            if (!file.startsWith(report.normalize())) {
                throw new NoSuchFileException(name, null, "outside the report's folder");
            }
            byte[] bytes = Files.readAllBytes(file);
            String fileName = file.getFileName().toString();
            if (fileName.equals(REQUEST_ENTRY)) {
                request = bytes;
            } else if (fileName.equals(ANSWER_ENTRY)) {
                answer = bytes;
            } else if (fileName.equals(PROOF)) {
                proof = SpeanJson.fromBytes(bytes, ProofFile.class);
            } else if (fileName.endsWith(".txt")) {
                text = bytes;
            } else if (fileName.endsWith(".sig")) {
                signature = bytes;
            } else if (fileName.endsWith(".tsr")) {
                timestamp = bytes;
            }
        }
        if (request == null || proof == null || proof.request() == null || text == null || signature == null
                || timestamp == null || (answer == null) != (proof.answer() == null)) {
            throw new NoSuchFileException(evidence.files().toString(), null, "the line's evidence is incomplete");
        }
        if (proof.checkpointSize() != Checkpoint.parse(text).size() || proof.checkpointSize() != evidence.checkpointSize()
                || proof.request().index() != evidence.entryIndex()) {
            throw new IllegalArgumentException("the proof names another entry or checkpoint than the line and its checkpoint");
        }
        return new Read(proven(request, proof.request()), answer == null ? null : proven(answer, proof.answer()),
                new SubjectAccesses.SignedCheckpointFiles(Digests.base64(text), Digests.base64(signature),
                        Digests.base64(timestamp)));
    }

    private static EntryProof proofOf(SubjectAccesses.ProvenEntry entry) {
        return new EntryProof(entry.index(), entry.auditPath());
    }

    private static SubjectAccesses.ProvenEntry proven(byte[] line, EntryProof proof) {
        return new SubjectAccesses.ProvenEntry(proof.index(), Digests.base64(line),
                proof.auditPath() == null ? List.of() : proof.auditPath());
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }
}
