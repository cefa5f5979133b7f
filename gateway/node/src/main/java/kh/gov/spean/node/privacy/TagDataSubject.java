package kh.gov.spean.node.privacy;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.RestFields;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.openapi.ServiceDescriptions;

/**
 * Step, at the provider's node once a request is opened and checked: the keyed tag of the data subject it names at the
 * place its service's description marks, for the delivery's log entry. The subject's id is read from the plaintext,
 * tagged and dropped here; a request that names none (no mark, or the marked field absent) gets no tag.
 */
public final class TagDataSubject implements Processor {

    private final ServiceDescriptions descriptions;
    private final SubjectTagger tagger;

    public TagDataSubject(ServiceDescriptions descriptions, SubjectTagger tagger) {
        this.descriptions = descriptions;
        this.tagger = tagger;
    }

    @Override
    public void process(Exchange exchange) {
        Federation.Service service = exchange.getProperty(ExchangeKeys.SERVICE, Federation.Service.class);
        descriptions.dataSubjects(service).ifPresent(marks -> {
            RestFields rest = exchange.getProperty(ExchangeKeys.ENVELOPE, Envelope.class).header().rest();
            marks.subject(rest == null ? "POST" : rest.method(),
                            exchange.getProperty(ExchangeKeys.REQUEST_TARGET, String.class),
                            exchange.getProperty(ExchangeKeys.PAYLOAD, byte[].class))
                    .ifPresent(subject -> exchange.setProperty(ExchangeKeys.SUBJECT_TAG, tagger.tag(subject)));
        });
    }
}
