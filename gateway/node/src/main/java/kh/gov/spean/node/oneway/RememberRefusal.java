package kh.gov.spean.node.oneway;

import java.time.Clock;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.TimeWindow;

/** Notes a one-way request its backend refused, so that a retry already on its way is refused without a second hand-over. */
public final class RememberRefusal {

    private final ReceiptedMessages receipted;
    private final TimeWindow window;
    private final Clock clock;

    public RememberRefusal(ReceiptedMessages receipted, TimeWindow window, Clock clock) {
        this.receipted = receipted;
        this.window = window;
        this.clock = clock;
    }

    public void refused(Envelope request) {
        receipted.refused(request.header().id(), window.forgettableAfter(request.header()), clock.instant());
    }
}
