package kh.gov.spean.log;

import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kh.gov.spean.crypto.DetachedSignatureVerifier;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;

/**
 * Re-verifies logged envelopes on every core while the verifier reads on, and reports the first failure in log
 * order: an entry's signature and chain at the time it was logged, and that its fields are its header's.
 */
final class EnvelopeChecks implements AutoCloseable {

    private static final int IN_FLIGHT = 4096;

    private record Check(long index, Future<Result> result) {
    }

    /**
     * One entry's outcome: whether it held an envelope whose signature was verified, how many refusals it records, or
     * what is wrong with it.
     */
    private record Result(boolean verified, long refusals, String problem) {
        static final Result NO_ENVELOPE = new Result(false, 0, null);
        static final Result VERIFIED = new Result(true, 0, null);

        static Result problem(String problem) {
            return new Result(false, 0, problem);
        }

        static Result refusals(long count) {
            return new Result(false, count, null);
        }
    }

    private final DetachedSignatureVerifier signatures;
    private final ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
        Thread thread = new Thread(task, "spean-audit-signatures");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Check> inFlight = new ArrayDeque<>();
    /**
     * Signatures verified lately, by the signature's text: a provider logs each request twice (received, delivered),
     * and the second entry needs no second ECDSA verification of the same bytes.
     */
    private final Map<String, Verified> recent = Collections.synchronizedMap(new LinkedHashMap<>(RECENT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > RECENT;
        }
    });

    /** A signature already verified: over which header bytes, by which certificate. */
    private record Verified(String header, X509Certificate signer) {
    }

    private static final int RECENT = 256;
    private long checked;
    private long refusals;

    EnvelopeChecks(DetachedSignatureVerifier signatures) {
        this.signatures = signatures;
    }

    /** Checks the envelope an entry line records, if it records an accepted one. */
    void submit(long index, byte[] line) {
        inFlight.add(new Check(index, pool.submit(() -> check(line))));
    }

    /**
     * Waits for the checks of entries before {@code index} (and for enough others to bound memory) and returns the
     * first failure among them, if any.
     */
    LogVerifier.Problem firstProblemBefore(long index) {
        while (!inFlight.isEmpty() && (inFlight.peek().index() < index || inFlight.size() > IN_FLIGHT)) {
            Check check = inFlight.poll();
            Result result;
            try {
                result = check.result().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = Result.problem("verification was interrupted");
            } catch (ExecutionException e) {
                result = Result.problem("its envelope cannot be checked: " + e.getCause().getMessage());
            }
            if (result.problem() != null) {
                return new LogVerifier.Problem("entry " + check.index(), result.problem());
            }
            if (result.verified()) {
                checked++;
            }
            refusals += result.refusals();
        }
        return null;
    }

    long checked() {
        return checked;
    }

    /** Refusals the checked entries record: one per refusal entry, or its count for one that counts several. */
    long refusals() {
        return refusals;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private Result check(byte[] line) {
        LogEntry entry;
        try {
            entry = SpeanJson.fromBytes(line, LogEntry.class);
        } catch (RuntimeException e) {
            return Result.problem("it is not a log entry (its bytes were altered)");
        }
        if (!entry.recordsAcceptedEnvelope()) {
            if (entry.count() != null && entry.count() < 1) {
                return Result.problem("it counts " + entry.count() + " refusals: a count is at least 1");
            }
            return entry.refusals() > 0 ? Result.refusals(entry.refusals()) : Result.NO_ENVELOPE;
        }
        if (entry.header() == null || entry.signature() == null) {
            return Result.problem("it records an envelope without its header or signature");
        }
        try {
            byte[] headerBytes = Digests.fromBase64(entry.header());
            Verified known = recent.get(entry.signature());
            X509Certificate signer;
            if (known != null && known.header().equals(entry.header())) {
                signer = known.signer();
            } else {
                signer = signatures.verify(headerBytes, Digests.fromBase64(entry.signature()), entry.recordedAt());
                recent.put(entry.signature(), new Verified(entry.header(), signer));
            }
            EnvelopeHeader header = EnvelopeCodec.decodeHeader(headerBytes);
            if (!header.id().toString().equals(entry.envelopeId()) || !header.sender().toString().equals(entry.sender())
                    || !header.service().toString().equals(entry.service())
                    || !header.ciphertextSha256().equals(entry.ciphertextSha256())) {
                return Result.problem("its fields differ from the envelope header it holds");
            }
            if (!LogEntries.certificateReference(signer).equals(entry.signer())) {
                return Result.problem("its signer reference is not the certificate that signed the envelope");
            }
            return Result.VERIFIED;
        } catch (SpeanException e) {
            return Result.problem("the envelope signature does not verify (" + e.code() + ": " + e.detail() + ")");
        } catch (IllegalArgumentException e) {
            return Result.problem("its envelope fields are not readable");
        }
    }
}
