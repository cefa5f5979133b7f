package kh.gov.spean.node.routes;

import org.apache.camel.builder.RouteBuilder;

import kh.gov.spean.node.inbox.CommitOffset;
import kh.gov.spean.node.log.WitnessCheckpoint;

/** Publishes this node's checkpoints on the shared topic, and witnesses everyone else's. */
public final class CheckpointRoutes extends RouteBuilder {

    public static final String PUBLISH = "direct:publish-checkpoint";

    private final String publishTo;
    private final String witnessFrom;
    private final WitnessCheckpoint witness;

    public CheckpointRoutes(String publishTo, String witnessFrom, WitnessCheckpoint witness) {
        this.publishTo = publishTo;
        this.witnessFrom = witnessFrom;
        this.witness = witness;
    }

    @Override
    public void configure() {
        from(PUBLISH).routeId("publish-checkpoint")
                .to(publishTo).id("publish-to-checkpoints-topic");
        from(witnessFrom).routeId("witness-checkpoints")
                .process(CommitOffset.keep()).id("keep-witness-offset-commit")
                .process(witness).id("witness-checkpoint")
                .process(CommitOffset.commit()).id("commit-witness-offset");
    }
}
