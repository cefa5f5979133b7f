package kh.gov.spean.node.audit;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.log.EntryEvidence;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogFiles;
import kh.gov.spean.log.LogQuery;
import kh.gov.spean.node.http.QueryParameters;
import kh.gov.spean.node.http.XRoadHeaders;
import kh.gov.spean.node.privacy.NodeAnomalies;
import kh.gov.spean.privacy.AccessAnomalies;
import kh.gov.spean.privacy.AccessAnomaly;

/**
 * Step: {@code GET /audit/entries?from=&to=&member=&service=&outcome=&limit=} lists this node's message-log entries
 * (newest first, no payload ever: the log holds none), each with the unusual accesses it raised; {@code GET /audit/entries/N} gives entry N's evidence, each part
 * checked on the server (EntryEvidence).
 */
public final class ReadAuditLog implements Processor {

    static final int DEFAULT_LIMIT = 200;
    static final int MAXIMUM_LIMIT = 1000;

    /** One entry in the list: what the table shows, with the unusual accesses it raised (decision 0059), if any. */
    public record Summary(long index, Instant recordedAt, String kind, String node, String envelopeId, String type,
                          String sender, String recipient, String client, String service, String result,
                          String detail, List<Anomaly> anomalies) {

        static Summary of(LogEntry entry, List<AccessAnomaly> raised) {
            return new Summary(entry.index(), entry.recordedAt(), entry.kind(), entry.node(), entry.envelopeId(),
                    entry.type(), entry.sender(), entry.recipient(), entry.client(), entry.service(), entry.result(),
                    entry.detail(), raised.isEmpty() ? null : raised.stream().map(Anomaly::of).toList());
        }
    }

    /** An unusual access as the page marks it: its kind, the official, and what was counted. */
    public record Anomaly(String kind, String official, String detail) {

        static Anomaly of(AccessAnomaly anomaly) {
            return new Anomaly(anomaly.kind().wireName(), anomaly.clientMember() + " " + (AccessAnomalies.UNNAMED
                    .equals(anomaly.official()) ? "(no X-Road-UserId)" : anomaly.official()), anomaly.detail());
        }
    }

    /** The list's JSON answer. */
    public record Entries(List<Summary> entries) {
    }

    private final LogFiles files;
    private final X509Certificate trustAnchor;
    private final NodeAnomalies anomalies;

    public ReadAuditLog(LogFiles files, X509Certificate trustAnchor, NodeAnomalies anomalies) {
        this.files = files;
        this.trustAnchor = trustAnchor;
        this.anomalies = anomalies;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        String index = path == null ? "" : path.replaceFirst("^.*/audit/entries/?", "");
        Object answer = index.isEmpty() ? list(exchange) : evidence(index);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.JSON);
        out.setBody(SpeanJson.toBytes(answer));
    }

    private Entries list(Exchange exchange) throws IOException {
        String limit = QueryParameters.text(exchange, "limit");
        int most;
        try {
            most = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "limit must be a number");
        }
        if (most < 1 || most > MAXIMUM_LIMIT) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "limit must be 1.." + MAXIMUM_LIMIT);
        }
        LogQuery query = new LogQuery(QueryParameters.instant(exchange, "from"), QueryParameters.instant(exchange, "to"),
                QueryParameters.text(exchange, "member"), QueryParameters.text(exchange, "service"),
                QueryParameters.text(exchange, "outcome"), most);
        return new Entries(query.run(files).stream()
                .map(entry -> Summary.of(entry, anomalies.at(entry.index()))).toList());
    }

    private EntryEvidence evidence(String index) throws IOException {
        long at;
        try {
            at = Long.parseLong(index);
        } catch (NumberFormatException e) {
            throw new SpeanException(ErrorCode.MALFORMED_REQUEST, "an entry is named by its index, a number");
        }
        try {
            return EntryEvidence.of(files, at, trustAnchor);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.UNKNOWN_ENTRY, e.getMessage());
        }
    }
}
