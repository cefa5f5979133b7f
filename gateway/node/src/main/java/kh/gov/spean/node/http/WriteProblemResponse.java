package kh.gov.spean.node.http;

import java.util.TreeSet;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.node.CaughtFailure;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.log.RecordRejection;

/**
 * Error step of the HTTP edge: answers any failure with the Spean code in {@code X-Road-Error} and in X-Road's error
 * body, in the form the caller accepts ({@link ErrorBody}). An internal failure's message and stack trace are never
 * shown to the caller.
 */
public final class WriteProblemResponse implements Processor {

    private final NodeEvents events;
    private final RecordRejection recordRejection;

    public WriteProblemResponse(NodeEvents events, RecordRejection recordRejection) {
        this.events = events;
        this.recordRejection = recordRejection;
    }

    @Override
    public void process(Exchange exchange) {
        String instance = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        CaughtFailure failure = CaughtFailure.of(exchange, "the HTTP edge");
        recordRejection.http(failure, exchange, exchange.getMessage().getBody(byte[].class));
        failure.report(events, "http");
        Envelope request = failure.envelope();
        String traceId = request != null ? request.header().id().toString() : UUID.randomUUID().toString();

        String accept = exchange.getMessage().getHeader("Accept", String.class);
        ErrorBody body = ErrorBody.of(accept, failure.code(), failure.detail(), instance, traceId);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, failure.code().httpStatus());
        out.setHeader(XRoadHeaders.CONTENT_TYPE, body.contentType());
        out.setHeader(XRoadHeaders.ERROR, failure.code().code());
        if (request != null) {
            out.setHeader(XRoadHeaders.ID, traceId);
        }
        if (failure.code() == ErrorCode.RATE_LIMITED) {
            out.setHeader("Retry-After", "1");
        }
        if (failure.code() == ErrorCode.METHOD_NOT_ALLOWED) {
            // RFC 9110 §15.5.6: a 405 says which methods the resource serves, here the path's in the description.
            String allowed = exchange.getProperty(ExchangeKeys.ALLOWED_METHODS, String.class);
            out.setHeader("Allow", allowed != null ? allowed : String.join(", ", new TreeSet<>(RestFields.METHODS)));
        }
        out.setBody(body.bytes());
    }
}
