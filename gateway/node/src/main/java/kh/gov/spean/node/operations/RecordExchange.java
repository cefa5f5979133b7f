package kh.gov.spean.node.operations;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.ServiceCall;
import kh.gov.spean.node.http.XRoadHeaders;

/**
 * Step, last at the HTTP edge, answered or refused: counts the call by service, client and outcome with its latency,
 * and keeps its operational monitoring record.
 */
public final class RecordExchange implements Processor {

    private final NodeMetrics metrics;
    private final OperationalMonitoring monitoring;

    public RecordExchange(NodeMetrics metrics, OperationalMonitoring monitoring) {
        this.metrics = metrics;
        this.monitoring = monitoring;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        Long receivedAt = exchange.getProperty(ExchangeKeys.RECEIVED_AT, Long.class);
        String error = exchange.getMessage().getHeader(XRoadHeaders.ERROR, String.class);
        Instant now = Instant.now();
        Instant requestIn = receivedAt == null ? now : Instant.ofEpochMilli(receivedAt);
        String service = call == null ? null : call.service().id().toString();
        String client = call == null ? null : call.client().toString();
        String outcome = error == null ? "ok" : error;
        metrics.exchange(service == null ? "none" : service, client == null ? "none" : client, outcome,
                Duration.between(requestIn, now));
        Message answer = exchange.getMessage();
        byte[] body = answer.getBody(byte[].class);
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        monitoring.record(new OperationalRecord(answer.getHeader(XRoadHeaders.ID, String.class), client, service,
                requestIn, exchange.getProperty(ExchangeKeys.REQUEST_OUT_AT, Instant.class),
                exchange.getProperty(ExchangeKeys.RESPONSE_IN_AT, Instant.class), now,
                call == null ? 0 : call.payload().length, body == null ? 0 : body.length, status == null ? 200 : status,
                outcome));
    }

    /** A request refused before any route (RefusedBeforeAnyRoute): no client, service or id was read. */
    public void refusedBeforeAnyRoute(ErrorCode code, int answerBytes) {
        Instant now = Instant.now();
        metrics.exchange("none", "none", code.code(), Duration.ZERO);
        monitoring.record(new OperationalRecord(null, null, null, now, null, null, now, 0, answerBytes,
                code.httpStatus(), code.code()));
    }
}
