package kh.gov.spean.node.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.files.FolderTree;
import kh.gov.spean.log.EvidenceExporter;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogQuery;
import kh.gov.spean.node.http.QueryParameters;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step: {@code GET /audit/export?from=&to=} — the evidence for a period as a zip, the same as {@code spean audit
 * export} writes (certificates, every checkpoint with its signature and timestamp, the envelopes logged in the period,
 * and verify.sh with the OpenSSL commands), for an auditor to check without Spean.
 */
public final class ExportEvidence implements Processor {

    private final LogFiles files;
    private final X509Certificate trustAnchor;

    public ExportEvidence(LogFiles files, X509Certificate trustAnchor) {
        this.files = files;
        this.trustAnchor = trustAnchor;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Instant from = QueryParameters.instant(exchange, "from");
        Instant to = QueryParameters.instant(exchange, "to");
        LogQuery period = new LogQuery(from, to, null, null, null, Integer.MAX_VALUE);
        Path folder = Files.createTempDirectory("spean-evidence");
        try {
            EvidenceExporter.export(files, trustAnchor, folder, period::matches);
            Message out = exchange.getMessage();
            out.removeHeaders("*");
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setHeader(XRoadHeaders.CONTENT_TYPE, "application/zip");
            out.setHeader("Content-Disposition", "attachment; filename=\"spean-evidence.zip\"");
            out.setBody(zip(folder));
        } finally {
            FolderTree.delete(folder);
        }
    }

    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            List<Path> regular = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : regular) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
