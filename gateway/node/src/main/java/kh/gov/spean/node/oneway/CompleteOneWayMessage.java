package kh.gov.spean.node.oneway;

import java.security.cert.X509Certificate;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.deadletter.DeadLetterKinds;
import kh.gov.spean.node.deadletter.DeadLetterOffice;
import kh.gov.spean.node.exchange.CompletePendingRequest;

/**
 * Step: a verified receipt marks its one-way message delivered; a coded error either fails it and sets it aside as a
 * dead letter (a refusal that would repeat) or is noted while the dispatcher's next attempt stands (a backend down,
 * a timeout).
 */
public final class CompleteOneWayMessage implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteOneWayMessage.class);

    private final OutgoingMessages messages;
    private final DeadLetterOffice deadLetters;
    private final X509Certificate signingCertificate;
    private final Clock clock;

    public CompleteOneWayMessage(OutgoingMessages messages, DeadLetterOffice deadLetters,
                                 X509Certificate signingCertificate, Clock clock) {
        this.messages = messages;
        this.deadLetters = deadLetters;
        this.signingCertificate = signingCertificate;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader answer = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        OutgoingMessage sent = messages.find(answer.correlationId()).orElseThrow();
        if (answer.type() == EnvelopeType.RECEIPT) {
            // A receipt settles a message even after it failed here: it was redriven, or the failure was a late view.
            if (sent.state() != OutgoingMessage.State.DELIVERED) {
                messages.update(sent.id(), m -> m.delivered(answer.id(), clock.instant()));
            }
            return;
        }
        if (sent.state() != OutgoingMessage.State.ACCEPTED) {
            return; // an error for a message already settled
        }
        String detail = errorDetail(exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class));
        ErrorCode code = knownCode(answer.errorCode());
        if (code.isTransient()) {
            messages.update(sent.id(), m -> m.failedAttempt(answer.errorCode(), detail));
            LOG.info("one-way message {}: {} from {} ({}); it will be sent again", sent.id(), answer.errorCode(),
                    answer.sender(), detail);
        } else {
            messages.update(sent.id(), m -> m.failed(answer.errorCode(), detail));
            deadLetters.deadLetter(DeadLetterKinds.ONE_WAY, EnvelopeCodec.decode(messages.envelope(sent.id())),
                    signingCertificate, code, "refused by " + answer.sender() + ": " + detail);
        }
    }

    private static ErrorCode knownCode(String code) {
        try {
            return ErrorCode.fromCode(code);
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTERNAL;
        }
    }

    private static String errorDetail(byte[] payload) {
        try {
            return SpeanJson.fromBytes(payload, CompletePendingRequest.ErrorPayload.class).detail();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
