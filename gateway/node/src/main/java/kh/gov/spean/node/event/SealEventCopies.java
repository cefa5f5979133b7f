package kh.gov.spean.node.event;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.http.ServiceCall;

/**
 * Step: one copy of the event per subsystem with the right to subscribe, each sealed to its own member and signed;
 * the copies share one publication id (their correlation id).
 */
public final class SealEventCopies implements Processor {

    private final Federation federation;
    private final EnvelopeSealer sealer;

    public SealEventCopies(Federation federation, EnvelopeSealer sealer) {
        this.federation = federation;
        this.sealer = sealer;
    }

    @Override
    public void process(Exchange exchange) {
        ServiceCall call = exchange.getProperty(ExchangeKeys.SERVICE_CALL, ServiceCall.class);
        Federation.Service event = call.service();
        String schemaDigest = federation.schemaDigest(event.requestSchema()).orElseThrow();
        EnvelopeId publication = EnvelopeId.random();
        List<Envelope> copies = new ArrayList<>();
        for (SubsystemId subscriber : federation.clientsOf(event.id())) {
            Federation.Member member = federation.member(subscriber.member()).orElseThrow();
            copies.add(sealer.seal(EnvelopeDraft.event(publication, subscriber, event.id(), event.requestSchema(),
                    schemaDigest), call.payload(), member.encryptionCertificate()).envelope());
        }
        exchange.setProperty(ExchangeKeys.EVENT_COPIES, List.copyOf(copies));
        exchange.setProperty(ExchangeKeys.PUBLICATION, publication);
    }
}
