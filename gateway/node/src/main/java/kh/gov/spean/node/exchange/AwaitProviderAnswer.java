package kh.gov.spean.node.exchange;

import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: waits for the provider's answer without holding a thread. The exchange resumes when the inbox completes the
 * pending request, or when its timeout fires.
 */
public final class AwaitProviderAnswer extends AsyncProcessorSupport {

    private final PendingExchanges pending;

    public AwaitProviderAnswer(PendingExchanges pending) {
        this.pending = pending;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        PendingExchanges.Pending entry = pending.find(request.header().id()).orElse(null);
        if (entry == null) {
            exchange.setException(new SpeanException(ErrorCode.TIMEOUT, "the request is no longer waiting for an answer"));
            callback.done(true);
            return true;
        }
        entry.answer().whenComplete((answer, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                exchange.setException(cause);
            } else {
                exchange.setProperty(ExchangeKeys.SERVICE_RESPONSE, answer);
            }
            callback.done(false);
        });
        return false;
    }
}
