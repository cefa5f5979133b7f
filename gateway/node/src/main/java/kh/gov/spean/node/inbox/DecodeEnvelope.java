package kh.gov.spean.node.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.node.exchange.KafkaRecord;

/** Step: parses the Kafka record into an envelope, refusing anything oversized or malformed before any crypto runs. */
public final class DecodeEnvelope implements Processor {

    private final int maxEnvelopeBytes;

    public DecodeEnvelope(int maxEnvelopeBytes) {
        this.maxEnvelopeBytes = maxEnvelopeBytes;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(ExchangeKeys.RECEIVED_AT, System.currentTimeMillis());
        byte[] record = exchange.getMessage().getBody(byte[].class);
        exchange.setProperty(ExchangeKeys.RAW_RECORD, record);
        exchange.setProperty(ExchangeKeys.RECORD_SOURCE, exchange.getMessage().getHeader(KafkaConstants.TOPIC, "inbox", String.class)
                + "/" + exchange.getMessage().getHeader(KafkaConstants.PARTITION, "?", String.class));
        KafkaRecord.keepReplyTo(exchange);
        if (record == null || record.length == 0) {
            throw new SpeanException(ErrorCode.ENVELOPE_MALFORMED, "empty record");
        }
        if (record.length > maxEnvelopeBytes) {
            throw new SpeanException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the envelope is " + record.length + " bytes; the maximum is " + maxEnvelopeBytes);
        }
        Envelope envelope = EnvelopeCodec.decode(record);
        exchange.setProperty(ExchangeKeys.ENVELOPE, envelope);
    }
}
