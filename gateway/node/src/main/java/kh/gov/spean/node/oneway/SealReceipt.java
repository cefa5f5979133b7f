package kh.gov.spean.node.oneway;

import java.time.Clock;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.envelope.SealedEnvelope;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.json.SpeanJson;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.exchange.KafkaRecord;

/**
 * Step: the provider's signed receipt for a one-way request its backend accepted, bound to the request by its hash and
 * sealed to the client's member.
 */
public final class SealReceipt implements Processor {

    /** The receipt's payload: when the backend accepted the message. */
    public record ReceiptPayload(String requestId, Instant acceptedAt) {
    }

    private final Federation federation;
    private final EnvelopeSealer sealer;
    private final Clock clock;

    public SealReceipt(Federation federation, EnvelopeSealer sealer, Clock clock) {
        this.federation = federation;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        Federation.Member client = federation.member(request.header().sender()).orElseThrow();
        SealedEnvelope receipt = sealer.seal(EnvelopeDraft.receipt(request.header(), RequestHash.of(request)),
                SpeanJson.toBytes(new ReceiptPayload(request.header().id().toString(), clock.instant())),
                client.encryptionCertificate());
        exchange.setProperty(ExchangeKeys.OUTGOING_ENVELOPE, receipt.envelope());
        KafkaRecord.answer(exchange, receipt.envelope());
    }
}
