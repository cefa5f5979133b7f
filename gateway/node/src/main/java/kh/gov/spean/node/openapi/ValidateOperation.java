package kh.gov.spean.node.openapi;

import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.RequestTarget;
import kh.gov.spean.node.http.ServiceCall;

/**
 * Step: the call, or the backend's answer, must follow the service's OpenAPI description — at the client's node
 * before anything is signed, at the provider's node on the request it opened (not trusting the client's node) and on
 * its backend's 2xx answer before it is signed. Bodies are the payload steps' to check, against the same schemas.
 */
public final class ValidateOperation implements Processor {

    /** A request of the first envelope layout has no frame: a POST on the service itself (decision 0046). */
    private static final RestFrame FIRST_LAYOUT = new RestFrame("", List.of());

    private enum Side { CLIENT_REQUEST, PROVIDER_REQUEST, BACKEND_ANSWER }

    private final ServiceDescriptions descriptions;
    private final Side side;

    private ValidateOperation(ServiceDescriptions descriptions, Side side) {
        this.descriptions = descriptions;
        this.side = side;
    }

    /** At the client's node, on the call read at the HTTP edge. */
    public static ValidateOperation clientRequests(ServiceDescriptions descriptions) {
        return new ValidateOperation(descriptions, Side.CLIENT_REQUEST);
    }

    /**
     * At the provider's node, on the request opened from the envelope (a refusal goes back signed, as any); at a
     * subscriber's node, on an event copy.
     */
    public static ValidateOperation providerRequests(ServiceDescriptions descriptions) {
        return new ValidateOperation(descriptions, Side.PROVIDER_REQUEST);
    }

    /** At the provider's node, on its backend's answer: a 2xx that breaks the description is the provider's fault. */
    public static ValidateOperation backendAnswers(ServiceDescriptions descriptions) {
        return new ValidateOperation(descriptions, Side.BACKEND_ANSWER);
    }

    @Override
    public void process(Exchange exchange) {
        switch (side) {
            case CLIENT_REQUEST -> {
                ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
                checkRequest(exchange, call.service(), call.fields().method(), call.frame(), call.payload());
            }
            case PROVIDER_REQUEST -> {
                RestFields rest = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header().rest();
                RestFrame sent = exchange.getProperty(ExchangeKeys.REST_FRAME, RestFrame.class);
                RestFrame frame = sent != null ? sent : FIRST_LAYOUT;
                if (rest != null) {
                    RequestTarget.parse(frame.target());
                }
                exchange.setProperty(ExchangeKeys.REQUEST_TARGET, frame.target());
                checkRequest(exchange, exchange.getProperty(ExchangeKeys.SERVICE, Federation.Service.class),
                        method(rest), frame, exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class));
            }
            case BACKEND_ANSWER -> checkAnswer(exchange);
        }
    }

    private void checkRequest(Exchange exchange, Federation.Service service, String method, RestFrame frame, byte[] body) {
        Optional<OperationValidator> validator = descriptions.validator(service);
        if (validator.isEmpty()) {
            return;
        }
        Optional<OperationRefusal> refusal = validator.get().checkRequest(method, frame, body);
        if (refusal.isPresent()) {
            if (!refusal.get().allowedMethods().isEmpty()) {
                exchange.setProperty(ExchangeKeys.ALLOWED_METHODS, String.join(", ", refusal.get().allowedMethods()));
            }
            throw new SpeanException(refusal.get().code(), service.id() + ": "
                    + withoutSubject(refusal.get().detail(), service, method, frame.target()));
        }
    }

    /**
     * The validator's words may quote a parameter the call sent: where it is the parameter that names the data subject,
     * it is left out, as it may be a national id (decision 0058). A subject in the body is not quoted: the operation
     * checks leave bodies to the schema checks.
     */
    private String withoutSubject(String detail, Federation.Service service, String method, String target) {
        Optional<String> subject;
        try {
            subject = descriptions.dataSubjects(service).flatMap(marks -> marks.subject(method, target, new byte[0]));
        } catch (SpeanException e) {
            return "the call breaks its description (its target is not percent-encoded correctly)";
        }
        return subject.map(id -> detail.replace(id, "[data subject]")).orElse(detail);
    }

    private void checkAnswer(Exchange exchange) {
        int status = exchange.getProperty(ExchangeKeys.BACKEND_STATUS, Integer.class);
        Federation.Service service = exchange.getProperty(ExchangeKeys.SERVICE, Federation.Service.class);
        Optional<OperationValidator> validator = descriptions.validator(service);
        if (status < 200 || status > 299 || validator.isEmpty()) {
            return;
        }
        Optional<String> broken = validator.get().checkAnswer(
                method(exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header().rest()),
                exchange.getProperty(ExchangeKeys.REQUEST_TARGET, String.class), status,
                exchange.getProperty(ExchangeKeys.REST_FRAME, RestFrame.class),
                exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class));
        if (broken.isPresent()) {
            throw new SpeanException(ErrorCode.RESPONSE_SCHEMA_INVALID,
                    "the backend's answer breaks the OpenAPI description of " + service.id() + ": " + broken.get());
        }
    }

    private static String method(RestFields rest) {
        return rest == null ? "POST" : rest.method();
    }
}
