package kh.gov.spean.node.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.ExchangeKeys;

/**
 * Step: each client subsystem may send so many requests per second (a token bucket, bursts up to one second's worth);
 * beyond that, {@code client.rate_limited} (429) before anything is signed or sent.
 */
public final class CheckRateLimit implements Processor {

    /** One client's tokens, refilled continuously. */
    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(double perNano, double capacity, long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    private final int perSecond;
    private final Map<SubsystemId, Bucket> buckets = new ConcurrentHashMap<>();

    public CheckRateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(call.client(), client -> new Bucket(perSecond, now));
        if (!bucket.take(perSecond / 1e9, perSecond, now)) {
            throw new SpeanException(ErrorCode.RATE_LIMITED, call.client() + " sent more than " + perSecond
                    + " requests per second; try again in a second");
        }
    }
}
