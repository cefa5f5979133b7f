package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.audit.ExportEvidence;
import kh.gov.spean.node.audit.ReadAuditLog;
import kh.gov.spean.node.audit.ServeAuditPage;

/**
 * The auditor's page at {@code GET /audit} on the management port: browse this node's message log by time, member, service and outcome, open
 * an entry to see its header, signature, signer, checkpoint, timestamp and inclusion proof with a verified or failed
 * mark computed here, and export the evidence for a period.
 */
public final class AuditRoute extends RouteBuilder {

    private final ServeAuditPage page;
    private final ReadAuditLog readAuditLog;
    private final ExportEvidence exportEvidence;

    public AuditRoute(ServeAuditPage page, ReadAuditLog readAuditLog, ExportEvidence exportEvidence) {
        this.page = page;
        this.readAuditLog = readAuditLog;
        this.exportEvidence = exportEvidence;
    }

    @Override
    public void configure() {
        from("platform-http:/audit?httpMethodRestrict=GET").routeId("audit-page")
                .process(page).id("serve-audit-page");
        from("platform-http:/audit/entries?httpMethodRestrict=GET&matchOnUriPrefix=true").routeId("audit-entries")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(readAuditLog).id("read-audit-log");
        from("platform-http:/audit/export?httpMethodRestrict=GET").routeId("audit-export")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .process(exportEvidence).id("export-evidence");
    }
}
