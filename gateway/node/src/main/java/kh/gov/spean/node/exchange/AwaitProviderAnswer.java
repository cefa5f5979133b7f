package kh.gov.spean.node.exchange;

import java.time.Instant;
import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: waits for the provider's answer without holding a thread. The exchange resumes when the inbox completes the
 * pending request registered before publishing (kept on the exchange, so an answer faster than this step is not
 * missed), or when its timeout fires.
 */
public final class AwaitProviderAnswer extends AsyncProcessorSupport {

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        exchange.setProperty(ExchangeKeys.REQUEST_OUT_AT, Instant.now());
        PendingExchanges.Pending entry = exchange.getProperty(ExchangeKeys.PENDING, PendingExchanges.Pending.class);
        entry.answer().whenComplete((answer, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                exchange.setException(cause);
            } else {
                exchange.setProperty(ExchangeKeys.RESPONSE_IN_AT, Instant.now());
                exchange.setProperty(ExchangeKeys.SERVICE_RESPONSE, answer);
            }
            callback.done(false);
        });
        return false;
    }
}
