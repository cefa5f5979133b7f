package kh.gov.spean.cli.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.node.deadletter.DeadLetter;

/**
 * {@code spean dlq redrive ID --member M}: sends a dead letter's envelope again, byte for byte, to where it was going,
 * once its cause is fixed. The node that set it aside lets it through its replay check once; an envelope past its
 * expiry cannot be redriven (the receiving node would refuse it), and the command says so.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true, description = "Send a dead letter again, once its cause is fixed.")
public final class DlqRedriveCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The dead letter's id (its envelope id).")
    String id;

    @Mixin
    DlqOptions options;

    @Override
    public Integer call() throws Exception {
        // A dead letter is named by its envelope's id: one that is none is said before Kafka is asked.
        EnvelopeId.parse(id);
        DeadLetter letter = DeadLetterTopic.read(options.kafka(), options.memberId()).stream()
                .filter(candidate -> candidate.id().equals(id)).reduce((first, last) -> last)
                .orElseThrow(() -> new SpeanException(ErrorCode.UNKNOWN_MESSAGE,
                        "no dead letter " + id + " for " + options.member));
        if (!Instant.now().isBefore(letter.expiresAt())) {
            throw new SpeanException(ErrorCode.EXPIRED, "dead letter " + id + " expired at " + letter.expiresAt()
                    + "; its sender must send it again");
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(options.kafka().producerProperties())) {
            producer.send(new ProducerRecord<>(letter.target(), id.getBytes(StandardCharsets.UTF_8),
                    Digests.fromBase64(letter.envelope()))).get();
        }
        System.out.println("Redrove " + letter.kind() + " " + id + " to " + letter.target() + " (was " + letter.code() + ")");
        return 0;
    }
}
