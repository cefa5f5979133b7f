package kh.gov.spean.node.provider;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.RestFrame;
import kh.gov.spean.envelope.SealedEnvelope;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.exchange.KafkaRecord;

/** Step: seals the backend's answer to the client member, bound to the request by its hash, and addresses it to the client's inbox. */
public final class SealResponse implements Processor {

    private final Federation federation;
    private final EnvelopeSealer sealer;

    public SealResponse(Federation federation, EnvelopeSealer sealer) {
        this.federation = federation;
        this.sealer = sealer;
    }

    @Override
    public void process(Exchange exchange) {
        Envelope request = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class);
        Federation.Service service = exchange.getProperty(ExchangeKeys.SERVICE, Federation.Service.class);
        Federation.Member client = federation.member(request.header().sender()).orElseThrow();
        EnvelopeDraft draft = EnvelopeDraft.response(request.header(), service.responseSchema(),
                federation.schemaDigest(service.responseSchema()).orElseThrow(), RequestHash.of(request));
        byte[] payload = exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class);
        RestFields asked = request.header().rest();
        // A request of the first layout is answered in that layout, which its client's node reads.
        SealedEnvelope sealed = asked == null ? sealer.seal(draft, payload, client.encryptionCertificate())
                : sealer.seal(draft.withRest(RestFields.response(
                        exchange.getProperty(ExchangeKeys.BACKEND_STATUS, Integer.class), asked)),
                        exchange.getProperty(ExchangeKeys.REST_FRAME, RestFrame.class), payload,
                        client.encryptionCertificate());
        exchange.setProperty(ExchangeKeys.OUTGOING_ENVELOPE, sealed.envelope());
        KafkaRecord.answer(exchange, sealed.envelope());
    }
}
