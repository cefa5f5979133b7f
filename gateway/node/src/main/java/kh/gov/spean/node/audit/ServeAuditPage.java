package kh.gov.spean.node.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Step: {@code GET /audit}, the auditor's page (an HTML file whose script and style sheet are under /static/; it reads
 * /audit/entries and /audit/export). Served on the management port, whose guard adds the Content-Security-Policy.
 */
public final class ServeAuditPage implements Processor {

    private final byte[] page;

    public ServeAuditPage() {
        try (InputStream in = ServeAuditPage.class.getResourceAsStream("audit.html")) {
            if (in == null) {
                throw new IllegalStateException("audit.html is missing from the node's resources");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void process(Exchange exchange) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader("Content-Type", "text/html; charset=utf-8");
        out.setBody(page);
    }
}
