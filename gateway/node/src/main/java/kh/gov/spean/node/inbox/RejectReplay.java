package kh.gov.spean.node.inbox;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.ReplayGuard;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.ServicePattern;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.deadletter.DeadLetterOffice;

/**
 * Step: an envelope id seen before is a replay; it is refused and goes no further. The one exception is a one-way
 * request, which its client's node sends again, byte for byte, until it has a receipt: it passes, and the provider
 * route answers it with a receipt without delivering it twice. The signature has verified, so it is the same message.
 * An envelope this node set aside as a dead letter also passes, once: an operator redrove it.
 */
public final class RejectReplay implements Processor {

    private final ReplayGuard guard;
    private final Federation federation;
    private final DeadLetterOffice deadLetters;
    private final Clock clock;

    public RejectReplay(ReplayGuard guard, Federation federation, DeadLetterOffice deadLetters, Clock clock) {
        this.guard = guard;
        this.federation = federation;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        EnvelopeHeader header = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header();
        try {
            guard.admit(header, clock.instant());
        } catch (SpeanException replayed) {
            if (replayed.code() != ErrorCode.REPLAYED
                    || !(isOneWayRequest(header) || deadLetters.takeRedrive(header.id()))) {
                throw replayed;
            }
        }
    }

    private boolean isOneWayRequest(EnvelopeHeader header) {
        return header.type() == EnvelopeType.REQUEST && federation.service(header.service())
                .map(service -> service.pattern() == ServicePattern.ONE_WAY).orElse(false);
    }
}
