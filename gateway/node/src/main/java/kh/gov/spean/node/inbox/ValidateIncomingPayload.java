package kh.gov.spean.node.inbox;

import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.JsonBody;
import kh.gov.spean.node.http.XRoadHeaders;
import kh.gov.spean.validation.PayloadValidator;
import kh.gov.spean.validation.SchemaId;

/**
 * Step: the opened payload must follow the schema the federation fixes for it — the header must name that schema and
 * its digest — and the payload is validated again here, not trusted from the sender's node.
 */
public final class ValidateIncomingPayload implements Processor {

    private final Federation federation;
    private final PayloadValidator validator;
    private final Function<Federation.Service, SchemaId> expectedSchema;
    private final ErrorCode providerFault;

    private ValidateIncomingPayload(Federation federation, PayloadValidator validator,
                                    Function<Federation.Service, SchemaId> expectedSchema, ErrorCode providerFault) {
        this.federation = federation;
        this.validator = validator;
        this.expectedSchema = expectedSchema;
        this.providerFault = providerFault;
    }

    /** For requests arriving at the provider: a failure is the client's. */
    public static ValidateIncomingPayload requests(Federation federation, PayloadValidator validator) {
        return new ValidateIncomingPayload(federation, validator, Federation.Service::requestSchema, null);
    }

    /** For responses arriving back at the client: a bad answer is the provider's fault, whatever made it bad. */
    public static ValidateIncomingPayload responses(Federation federation, PayloadValidator validator) {
        return new ValidateIncomingPayload(federation, validator, Federation.Service::responseSchema,
                ErrorCode.RESPONSE_SCHEMA_INVALID);
    }

    /**
     * A REST message's body is validated when it is JSON ({@link JsonBody}), and an answer's only on a 2xx status: a
     * provider's 404 or 409 is its own answer, passed on as it is.
     */
    private static boolean validated(RestFields rest, RestFrame frame, byte[] payload) {
        boolean success = rest.status() == null || rest.status() >= 200 && rest.status() <= 299;
        return success && JsonBody.validated(frame.header(XRoadHeaders.CONTENT_TYPE), payload);
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader header = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        Federation.Service service = federation.service(header.service()).orElseThrow(() -> new SpeanException(
                ErrorCode.UNKNOWN_SERVICE, "no service " + header.service() + " in the federation configuration"));
        SchemaId expected = expectedSchema.apply(service);
        if (!expected.equals(header.schemaId())
                || !federation.schemaDigest(expected).orElseThrow().equals(header.schemaSha256())) {
            throw new SpeanException(ErrorCode.SCHEMA_MISMATCH, "the envelope names schema " + header.schemaId()
                    + "; " + header.service() + " uses " + expected + " with the digest the federation fixes");
        }
        byte[] payload = exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class);
        if (header.rest() != null && !validated(header.rest(), exchange.getProperty(ExchangeKeys.REST_FRAME,
                RestFrame.class), payload)) {
            return;
        }
        try {
            validator.requireValid(expected, payload);
        } catch (SpeanException e) {
            throw providerFault == null ? e : new SpeanException(providerFault, e.code() + ": " + e.detail());
        }
    }
}
