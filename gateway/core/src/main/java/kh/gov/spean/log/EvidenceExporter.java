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
        Path certs = Files.createDirectories(out.resolve("certs"));
        Path checkpoints = Files.createDirectories(out.resolve("checkpoints"));
        Path envelopes = Files.createDirectories(out.resolve("envelopes"));
        Map<String, X509Certificate> chain = new LinkedHashMap<>();
        StringBuilder script = new StringBuilder("#!/bin/sh\n# Verifies this evidence with OpenSSL alone. Run from this folder.\nset -e\n");

        int checkpointCount = 0;
        for (long size : files.checkpointSizes()) {
            Files.copy(files.checkpointText(size), checkpoints.resolve(size + ".txt"));
            Files.copy(files.checkpointSignature(size), checkpoints.resolve(size + ".p7s"));
            Files.copy(files.checkpointTimestamp(size), checkpoints.resolve(size + ".tsr"));
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
            script.append(OpenSslCommands.verifySignature("checkpoints/" + size + ".txt", "checkpoints/" + size + ".p7s"))
                    .append('\n')
                    .append(OpenSslCommands.verifyTimestamp("checkpoints/" + size + ".txt", "checkpoints/" + size + ".tsr"))
                    .append('\n');
            checkpointCount++;
        }
        int[] envelopeCount = {0};
        LogReader.forEach(files, stored -> {
            LogEntry entry = stored.entry();
            Path bin = envelopes.resolve(entry.envelopeId() + ".bin");
            if (!entry.recordsAcceptedEnvelope() || !which.test(entry) || Files.exists(bin)) {
                return;
            }
            try {
                byte[] signature = Digests.fromBase64(entry.signature());
                Files.write(bin, Digests.fromBase64(entry.header()));
                Files.write(envelopes.resolve(entry.envelopeId() + ".p7s"), signature);
                collect(new CMSSignedData(signature), chain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalArgumentException("entry " + entry.index() + " holds an unreadable signature; "
                        + "spean audit verify says what else is broken", e);
            }
            script.append(OpenSslCommands.verifySignature("envelopes/" + entry.envelopeId() + ".bin",
                    "envelopes/" + entry.envelopeId() + ".p7s")).append('\n');
            envelopeCount[0]++;
        });
        Files.writeString(certs.resolve("ca.pem"), Pem.certificate(trustAnchor), StandardCharsets.US_ASCII);
        StringBuilder pems = new StringBuilder();
        chain.values().forEach(certificate -> pems.append(Pem.certificate(certificate)));
        Files.writeString(certs.resolve("chain.pem"), pems.toString(), StandardCharsets.US_ASCII);
        Files.writeString(out.resolve("verify.sh"), script.append("echo 'all evidence verified'\n").toString());
        return new Export(checkpointCount, envelopeCount[0], chain.size());
    }

    private static void collect(CMSSignedData signed, Map<String, X509Certificate> chain) throws Exception {
        for (Object holder : signed.getCertificates().getMatches(null)) {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) holder);
            chain.putIfAbsent(Digests.hex(Digests.sha256(certificate.getEncoded())), certificate);
        }
    }
}
