package kh.gov.spean.node.http;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.ErrorClassifier;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.NodeEvents;

/**
 * Error step of the HTTP edge: answers any failure as RFC 9457 problem+json with the Spean code, in the body and in
 * {@code X-Road-Error}. Internal failures are logged here with their stack trace, and never shown to the caller.
 */
public final class WriteProblemResponse implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WriteProblemResponse.class);

    private final NodeEvents events;

    public WriteProblemResponse(NodeEvents events) {
        this.events = events;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ErrorCode code = ErrorClassifier.codeOf(failure);
        String detail = ErrorClassifier.detailOf(failure);
        if (code == ErrorCode.INTERNAL) {
            LOG.error("internal failure at the HTTP edge", failure);
        }
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        String traceId = request != null ? request.header().id().toString() : UUID.randomUUID().toString();
        Message in = exchange.getMessage();
        String instance = in.getHeader(Exchange.HTTP_PATH, String.class);
        events.rejected(request != null ? request.header().id() : null, code, detail, "http");

        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, code.httpStatus());
        out.setHeader(XRoadHeaders.CONTENT_TYPE, XRoadHeaders.PROBLEM_JSON);
        out.setHeader(XRoadHeaders.ERROR, code.code());
        if (request != null) {
            out.setHeader(XRoadHeaders.ID, traceId);
        }
        out.setBody(SpeanJson.toBytes(ProblemDetails.of(code, detail, instance, traceId)));
    }
}
