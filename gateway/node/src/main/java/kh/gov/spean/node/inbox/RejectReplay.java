package kh.gov.spean.node.inbox;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.ReplayGuard;
import kh.gov.spean.node.ExchangeKeys;

/** Step: an envelope id seen before is a replay; it is refused and goes no further. */
public final class RejectReplay implements Processor {

    private final ReplayGuard guard;
    private final Clock clock;

    public RejectReplay(ReplayGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        guard.admit(exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header(), clock.instant());
    }
}
