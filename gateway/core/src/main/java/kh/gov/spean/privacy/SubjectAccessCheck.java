package kh.gov.spean.privacy;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import jakarta.json.bind.JsonbException;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.TimestampVerifier;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.Checkpoint;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogSettings;
import kh.gov.spean.log.MerkleTree;

/**
 * Checks a member's {@link SubjectAccesses} answer from its evidence alone, as the office does on receipt and an
 * auditor does later, offline: the checkpoint's RFC 3161 timestamp and its signature by the answering member; each
 * entry's RFC 9162 inclusion proof against the checkpoint's root; the request entry's signed header (signed by the
 * client's member) and the answer entry's (signed by the provider); that the answer answers that request; and that every
 * fact the answer states is what those signed headers say.
 */
public final class SubjectAccessCheck {

    /** Who may sign for a member: the federation's registered certificates online, the certificate's name offline. */
    @FunctionalInterface
    public interface Signers {

        boolean signsFor(String member, X509Certificate certificate);

        /** The member's signing certificates are named {@code CN=<member> signing} by the federation CA. */
        static Signers byCertificateName() {
            return (member, certificate) -> certificate.getSubjectX500Principal().getName()
                    .contains("CN=" + member + " signing");
        }
    }

    /** A checked checkpoint: its size and root, and when it was timestamped. */
    public record CheckedCheckpoint(Checkpoint checkpoint, Instant timestampedAt) {
    }

    /** One access and what its check found: null when every part verified. */
    public record Verdict(SubjectAccesses.Access access, String problem) {

        public boolean verified() {
            return problem == null;
        }
    }

    private final DetachedSignatureVerifier signatures;
    private final TimestampVerifier timestamps;
    private final Signers signers;

    public SubjectAccessCheck(X509Certificate trustAnchor, Signers signers) {
        this.signatures = new DetachedSignatureVerifier(trustAnchor);
        this.timestamps = new TimestampVerifier(trustAnchor);
        this.signers = signers;
    }

    /**
     * Checks the checkpoint: a C2SP checkpoint of a log of {@code member}, timestamped by the federation's timestamp
     * authority and signed by {@code member}. Throws {@link EvidenceFailure} saying what failed.
     */
    public CheckedCheckpoint checkpoint(String member, SubjectAccesses.SignedCheckpointFiles files) {
        try {
            byte[] text = Digests.fromBase64(files.text());
            Checkpoint checkpoint = Checkpoint.parse(text);
            if (!member.equals(LogSettings.memberOf(checkpoint.origin()))) {
                throw new EvidenceFailure("the checkpoint is of " + checkpoint.origin() + ", not a log of " + member);
            }
            Instant stampedAt = timestamps.verify(text, Digests.fromBase64(files.timestamp()));
            X509Certificate signer = signatures.verify(text, Digests.fromBase64(files.signature()), stampedAt);
            if (!signers.signsFor(member, signer)) {
                throw new EvidenceFailure("the checkpoint is signed by " + signer.getSubjectX500Principal().getName()
                        + ", not by " + member);
            }
            return new CheckedCheckpoint(checkpoint, stampedAt);
        } catch (SpeanException e) {
            throw new EvidenceFailure("the checkpoint does not verify: " + e.code() + ": " + e.detail());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EvidenceFailure("the checkpoint does not read: " + e.getMessage());
        }
    }

    /** Checks every access of {@code answer}, given its checked checkpoint. */
    public List<Verdict> accesses(String member, CheckedCheckpoint checkpoint, List<SubjectAccesses.Access> accesses) {
        List<Verdict> verdicts = new ArrayList<>();
        for (SubjectAccesses.Access access : accesses) {
            verdicts.add(new Verdict(access, problem(member, checkpoint.checkpoint(), access)));
        }
        return verdicts;
    }

    private String problem(String member, Checkpoint checkpoint, SubjectAccesses.Access access) {
        try {
            LogEntry request = proven("request", access.request(), checkpoint);
            requireKind(request, LogEntryKind.DELIVERED, member);
            EnvelopeHeader requestHeader = signed("request", request, requestHeaderSigner(request));
            if (!requestHeader.service().member().toString().equals(member)) {
                throw new EvidenceFailure("the request is for " + requestHeader.service() + ", not a service of " + member);
            }
            LogEntry answer = null;
            if (access.answer() != null) {
                answer = proven("answer", access.answer(), checkpoint);
                requireKind(answer, LogEntryKind.SENT, member);
                EnvelopeHeader answerHeader = signed("answer", answer, member);
                if (!AccessFacts.answers(answerHeader, requestHeader)) {
                    throw new EvidenceFailure("the answer entry does not answer the request entry");
                }
            }
            SubjectAccesses.Access facts = AccessFacts.of(request, answer);
            if (!sameFacts(facts, access)) {
                throw new EvidenceFailure("the stated access differs from what the signed entries say: " + facts);
            }
            return null;
        } catch (EvidenceFailure e) {
            return e.getMessage();
        } catch (SpeanException e) {
            return e.code() + ": " + e.detail();
        } catch (IllegalArgumentException | NullPointerException | JsonbException e) {
            return "the evidence does not read: " + e.getMessage();
        }
    }

    /** The entry of {@code proven}, once its line is shown to be leaf {@code index} of the checkpoint's tree. */
    private static LogEntry proven(String what, SubjectAccesses.ProvenEntry proven, Checkpoint checkpoint) {
        byte[] line = Digests.fromBase64(proven.line());
        List<byte[]> path = proven.auditPath().stream().map(HexFormat.of()::parseHex).toList();
        if (proven.index() < 0 || proven.index() >= checkpoint.size()
                || !MerkleTree.verifyInclusion(MerkleTree.leafHash(line), proven.index(), checkpoint.size(), path,
                checkpoint.root())) {
            throw new EvidenceFailure("the " + what + " entry's inclusion proof does not lead to the checkpoint's root");
        }
        LogEntry entry = SpeanJson.fromBytes(line, LogEntry.class);
        if (entry.index() != proven.index()) {
            throw new EvidenceFailure("the " + what + " entry says index " + entry.index() + ", proved at " + proven.index());
        }
        return entry;
    }

    private static void requireKind(LogEntry entry, LogEntryKind kind, String member) {
        if (!kind.wireName().equals(entry.kind()) || !member.equals(entry.node())) {
            throw new EvidenceFailure("entry " + entry.index() + " is a " + entry.kind() + " entry of " + entry.node()
                    + ", not a " + kind.wireName() + " entry of " + member);
        }
    }

    /** The client's member signs a request. */
    private static String requestHeaderSigner(LogEntry request) {
        return AccessFacts.header(request).sender().toString();
    }

    /** The entry's header, once its signature verifies and is by {@code member}'s registered certificate. */
    private EnvelopeHeader signed(String what, LogEntry entry, String member) {
        byte[] header = Digests.fromBase64(entry.header());
        X509Certificate signer = signatures.verify(header, Digests.fromBase64(entry.signature()), entry.recordedAt());
        if (!signers.signsFor(member, signer)) {
            throw new EvidenceFailure("the " + what + " is signed by " + signer.getSubjectX500Principal().getName()
                    + ", not by " + member);
        }
        if (!MessageDigest.isEqual(Digests.sha256(encoded(signer)), HexFormat.of().parseHex(entry.signer()))) {
            throw new EvidenceFailure("the " + what + " is signed by another certificate than its entry names");
        }
        EnvelopeHeader parsed = AccessFacts.header(entry);
        if (!parsed.client().member().equals(parsed.sender()) && !parsed.type().answersARequest()) {
            throw new EvidenceFailure("the " + what + " was signed by " + parsed.sender() + " for " + parsed.client());
        }
        return parsed;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new EvidenceFailure("unreadable signer certificate");
        }
    }

    private static boolean sameFacts(SubjectAccesses.Access facts, SubjectAccesses.Access stated) {
        return Objects.equals(facts.time(), stated.time()) && Objects.equals(facts.service(), stated.service())
                && Objects.equals(facts.client(), stated.client()) && Objects.equals(facts.official(), stated.official())
                && Objects.equals(facts.issue(), stated.issue()) && Objects.equals(facts.purpose(), stated.purpose())
                && Objects.equals(facts.outcome(), stated.outcome());
    }

    /** Evidence that does not hold, and why. */
    public static final class EvidenceFailure extends RuntimeException {

        public EvidenceFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
