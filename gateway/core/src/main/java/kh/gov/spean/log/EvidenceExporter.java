package kh.gov.spean.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampResponse;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.Pem;
import kh.gov.spean.id.EnvelopeId;

/**
 * Writes evidence that OpenSSL 3 alone verifies: the federation root, every certificate needed, each checkpoint's
 * text with its CMS signature and RFC 3161 timestamp, and each envelope's signed bytes with its CMS signature — plus a
 * script of the exact OpenSSL commands.
 */
public final class EvidenceExporter {

    /** What was written. */
    public record Export(int checkpoints, int envelopes, int certificates) {
    }

    private EvidenceExporter() {
    }

    public static Export export(LogFiles files, X509Certificate trustAnchor, Path out) throws Exception {
        return export(files, trustAnchor, out, entry -> true);
    }

    /** The same, with only the envelopes of the entries {@code which} accepts (every checkpoint, to prove them). */
    public static Export export(LogFiles files, X509Certificate trustAnchor, Path out, Predicate<LogEntry> which)
            throws Exception {
        EvidenceLayout layout = new EvidenceLayout(out);
        Path certs = Files.createDirectories(layout.resolve(EvidenceLayout.CERTS));
        Files.createDirectories(layout.resolve(EvidenceLayout.CHECKPOINTS));
        Files.createDirectories(layout.resolve(EvidenceLayout.ENVELOPES));
        Map<String, X509Certificate> chain = new LinkedHashMap<>();
        StringBuilder script = new StringBuilder("#!/bin/sh\n# Verifies this evidence with OpenSSL alone. Run from this folder.\nset -e\n");

        int checkpointCount = 0;
        for (long size : files.checkpointSizes()) {
            String text = EvidenceLayout.checkpoint(size, "txt");
            String signature = EvidenceLayout.checkpoint(size, "p7s");
            String timestamp = EvidenceLayout.checkpoint(size, "tsr");
            Files.copy(files.checkpointText(size), layout.resolve(text));
            Files.copy(files.checkpointSignature(size), layout.resolve(signature));
            Files.copy(files.checkpointTimestamp(size), layout.resolve(timestamp));
            try {
                collect(new CMSSignedData(Files.readAllBytes(files.checkpointSignature(size))), chain);
                collect(new TimeStampResponse(Files.readAllBytes(files.checkpointTimestamp(size))).getTimeStampToken()
                        .toCMSSignedData(), chain);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalArgumentException("checkpoint " + size + " holds an unreadable signature or timestamp ("
                        + e.getMessage() + "); spean audit verify says what else is broken", e);
            }
            script.append(OpenSslCommands.verifySignature(text, signature)).append('\n')
                    .append(OpenSslCommands.verifyTimestamp(text, timestamp)).append('\n');
            checkpointCount++;
        }
        int[] envelopeCount = {0};
        LogReader.forEach(files, stored -> {
            LogEntry entry = stored.entry();
            if (!entry.recordsAcceptedEnvelope() || !which.test(entry)) {
                return;
            }
            EnvelopeId id = envelopeIdOf(entry);
            String content = EvidenceLayout.envelope(id, "bin");
            String signatureFile = EvidenceLayout.envelope(id, "p7s");
            Path bin = layout.resolve(content);
            if (Files.exists(bin)) {
                return;
            }
            try {
                byte[] signature = Digests.fromBase64(entry.signature());
                Files.write(bin, Digests.fromBase64(entry.header()));
                Files.write(layout.resolve(signatureFile), signature);
                collect(new CMSSignedData(signature), chain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalArgumentException("entry " + entry.index() + " holds an unreadable signature; "
                        + "spean audit verify says what else is broken", e);
            }
            script.append(OpenSslCommands.verifySignature(content, signatureFile)).append('\n');
            envelopeCount[0]++;
        });
        Files.writeString(certs.resolve("ca.pem"), Pem.certificate(trustAnchor), StandardCharsets.US_ASCII);
        StringBuilder pems = new StringBuilder();
        chain.values().forEach(certificate -> pems.append(Pem.certificate(certificate)));
        Files.writeString(certs.resolve("chain.pem"), pems.toString(), StandardCharsets.US_ASCII);
        Files.writeString(layout.resolve("verify.sh"), script.append("echo 'all evidence verified'\n").toString());
        return new Export(checkpointCount, envelopeCount[0], chain.size());
    }

    /**
     * The entry's envelope id as a validated value: it names files and goes into the script, so an entry whose id is not
     * a UUID (only a tampered log holds one) stops the export rather than choosing a file name or a command.
     */
    private static EnvelopeId envelopeIdOf(LogEntry entry) {
        try {
            return EnvelopeId.parse(entry.envelopeId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entry " + entry.index() + " holds an envelope id that is not a UUID; "
                    + "spean audit verify says what else is broken");
        }
    }

    private static void collect(CMSSignedData signed, Map<String, X509Certificate> chain) throws Exception {
        for (Object holder : signed.getCertificates().getMatches(null)) {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) holder);
            chain.putIfAbsent(Digests.hex(Digests.sha256(certificate.getEncoded())), certificate);
        }
    }
}
