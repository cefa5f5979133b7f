package kh.gov.spean.node.exchange;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.envelope.SealedEnvelope;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.ServiceCall;

/**
 * Step: seals the request to the provider member's encryption certificate, signs it, and addresses it to its inbox,
 * naming this node for the answer.
 */
public final class SealRequest implements Processor {

    private final Federation federation;
    private final EnvelopeSealer sealer;
    private final String node;

    public SealRequest(Federation federation, EnvelopeSealer sealer, String node) {
        this.federation = federation;
        this.sealer = sealer;
        this.node = node;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        Federation.Service service = call.service();
        Federation.Member provider = federation.member(service.id().member()).orElseThrow(() -> new SpeanException(
                ErrorCode.UNKNOWN_SERVICE, "the provider " + service.id().member() + " is not a member"));
        String schemaDigest = federation.schemaDigest(service.requestSchema()).orElseThrow();
        EnvelopeDraft draft = EnvelopeDraft.request(call.client(), service.id(), service.requestSchema(), schemaDigest);
        RestFields fields = call.fields().messageId() != null ? call.fields()
                : call.fields().withMessageId(draft.id().toString());
        SealedEnvelope sealed = sealer.seal(draft.withRest(fields), call.frame(), call.payload(),
                provider.encryptionCertificate());
        exchange.setProperty(ExchangeKeys.ENVELOPE, sealed.envelope());
        exchange.setProperty(ExchangeKeys.OUTGOING_ENVELOPE, sealed.envelope());
        exchange.setProperty(ExchangeKeys.SALT, sealed.salt());
        KafkaRecord.request(exchange.getMessage(), sealed.envelope(), node);
    }
}
