package kh.gov.spean.cli.demo;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.AuditProofs;
import kh.gov.spean.log.Checkpoint;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogVerifier;
import kh.gov.spean.log.MerkleTree;

/** The demo's last act: every node's message log verified end to end, and one inclusion proof shown and checked. */
final class LogAudit {

    private final PrintStream out;
    private final Federation federation;
    private final Path data;

    LogAudit(PrintStream out, Federation federation, Path data) {
        this.out = out;
        this.federation = federation;
        this.data = data;
    }

    void auditAll(DemoReport report, MemberId provider, List<String> answeredIds) {
        LogVerifier verifier = new LogVerifier(FederationLoader.loadTrustAnchor(FederationFiles.in(data)), true);
        for (Federation.Member member : federation.members()) {
            LogFiles log = logOf(member.id());
            long started = System.nanoTime();
            try {
                LogVerifier.Report verified = verifier.verify(log, null);
                report.record(new Outcome("The message log of " + member.id() + " verifies", log.directory().toString(),
                        verified.intact()
                                ? verified.entries() + " entries, " + verified.signaturesChecked() + " envelope signatures, "
                                        + verified.checkpoints() + " signed and timestamped checkpoint(s): intact"
                                : "BROKEN at " + verified.problem(),
                        (System.nanoTime() - started) / 1_000_000, verified.intact(), ""));
            } catch (Exception e) {
                report.record(new Outcome("The message log of " + member.id() + " verifies", log.directory().toString(),
                        "cannot be read: " + e.getMessage(), 0, false, ""));
            }
        }
        if (!answeredIds.isEmpty()) {
            showInclusionProof(report, provider, answeredIds.get(0));
        }
    }

    private void showInclusionProof(DemoReport report, MemberId provider, String envelopeId) {
        try {
            AuditProofs.InclusionProof proof = AuditProofs.inclusion(logOf(provider), envelopeId);
            Checkpoint checkpoint = Checkpoint.parse(proof.checkpoint().getBytes(StandardCharsets.UTF_8));
            boolean checks = MerkleTree.verifyInclusion(HexFormat.of().parseHex(proof.leafHash()),
                    proof.leafIndex(), proof.treeSize(),
                    proof.auditPath().stream().map(HexFormat.of()::parseHex).toList(), checkpoint.root());
            report.record(new Outcome("Envelope " + envelopeId + " is provably in " + provider + "'s log",
                    "spean audit prove --log " + logOf(provider).directory() + " --envelope " + envelopeId,
                    "entry " + proof.leafIndex() + " (" + proof.entry().kind() + "), audit path of "
                            + proof.auditPath().size() + " hashes to root " + proof.rootHash().substring(0, 16)
                            + "… of checkpoint " + proof.treeSize(), 0, checks, ""));
        } catch (Exception e) {
            report.record(new Outcome("Inclusion proof of " + envelopeId, provider.toString(), "failed: " + e.getMessage(),
                    0, false, ""));
        }
    }

    private LogFiles logOf(MemberId member) {
        return new LogFiles(MemberFiles.in(data, member).directory().resolve("log"));
    }
}
