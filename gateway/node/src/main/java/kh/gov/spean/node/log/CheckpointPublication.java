package kh.gov.spean.node.log;

import java.util.List;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.log.SignedCheckpoint;

/**
 * A checkpoint as published on {@code spean.checkpoints} for other members to witness: its text, signature and
 * timestamp (base64), and the consistency proof (hex) from the checkpoint the same log published before.
 */
public record CheckpointPublication(String origin, String checkpoint, String signature, String timestamp,
                                    long previousSize, List<String> consistency) {

    public static CheckpointPublication of(SignedCheckpoint signed) {
        return new CheckpointPublication(signed.checkpoint().origin(), Digests.base64(signed.checkpoint().text()),
                Digests.base64(signed.signature()), Digests.base64(signed.timestamp()), signed.previousSize(),
                signed.consistencyFromPrevious().stream().map(Digests::hex).toList());
    }
}
