package kh.gov.spean.node.inbox;

import java.util.Set;

import java.security.cert.X509Certificate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.envelope.SealedEnvelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.CaughtFailure;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.deadletter.DeadLetterKinds;
import kh.gov.spean.node.deadletter.DeadLetterOffice;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.exchange.CompletePendingRequest;
import kh.gov.spean.node.exchange.KafkaRecord;
import kh.gov.spean.node.exchange.PendingExchanges;
import kh.gov.spean.node.log.RecordRejection;

/**
 * Error step of the inbox: records the refusal with its code, in the message log too; fails the local request an answer was bound to; and,
 * when the refused message is an authentic request, answers its sender with a signed error envelope so that the
 * waiting caller gets the code at once instead of a timeout; an authentic event copy it could not take goes to the
 * member's dead-letter topic. Forged, replayed or misaddressed messages get no answer.
 */
public final class HandleInboxRejection implements Processor {

    private static final Set<ErrorCode> NO_REPLY = Set.of(ErrorCode.REPLAYED, ErrorCode.WRONG_RECIPIENT, ErrorCode.EXPIRED);

    private final Federation federation;
    private final EnvelopeSealer sealer;
    private final NodeEvents events;
    private final RecordRejection recordRejection;
    private final DeadLetterOffice deadLetters;

    public HandleInboxRejection(Federation federation, EnvelopeSealer sealer, NodeEvents events,
                                RecordRejection recordRejection, DeadLetterOffice deadLetters) {
        this.federation = federation;
        this.sealer = sealer;
        this.events = events;
        this.recordRejection = recordRejection;
        this.deadLetters = deadLetters;
    }

    @Override
    public void process(Exchange exchange) {
        CaughtFailure failure = CaughtFailure.of(exchange, "the inbox");
        recordRejection.inbox(failure, exchange);
        failure.report(events, "inbox");
        ErrorCode code = failure.code();
        String detail = failure.detail();
        Envelope envelope = failure.envelope();

        PendingExchanges.Pending bound = exchange.getProperty(ExchangeKeys.PENDING, PendingExchanges.Pending.class);
        if (bound != null) {
            bound.answer().completeExceptionally(new SpeanException(code, detail));
        }
        boolean authentic = Boolean.TRUE.equals(exchange.getProperty(ExchangeKeys.AUTHENTICATED, Boolean.class));
        if (authentic && envelope.header().type() == EnvelopeType.EVENT && !NO_REPLY.contains(code)) {
            // Nobody waits for an event copy: one this member could not take is set aside, to redrive once fixed.
            deadLetters.deadLetter(DeadLetterKinds.EVENT, envelope,
                    exchange.getProperty(ExchangeKeys.SIGNER, X509Certificate.class), code, detail);
            return;
        }
        if (authentic && envelope.header().type() == EnvelopeType.REQUEST && !NO_REPLY.contains(code)) {
            Federation.Member sender = federation.member(envelope.header().sender()).orElseThrow();
            SealedEnvelope reply = sealer.seal(
                    EnvelopeDraft.error(envelope.header(), RequestHash.of(envelope), code.code()),
                    SpeanJson.toBytes(new CompletePendingRequest.ErrorPayload(code.code(), detail)),
                    sender.encryptionCertificate());
            exchange.setProperty(ExchangeKeys.OUTGOING_ENVELOPE, reply.envelope());
            KafkaRecord.answer(exchange, reply.envelope());
            exchange.setProperty(ExchangeKeys.ERROR_REPLY, Boolean.TRUE);
        }
    }
}
