package kh.gov.spean.cli.demo;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.NodeEvents;

/** Lets the demo wait, without polling, for the node that refuses a given envelope to say so. */
final class RejectionWatch {

    private final Map<EnvelopeId, CompletableFuture<NodeEvents.Rejection>> awaited = new ConcurrentHashMap<>();

    RejectionWatch(Iterable<GatewayNode> nodes) {
        for (GatewayNode node : nodes) {
            node.events().onRejection(rejection -> {
                if (rejection.envelopeId() != null) {
                    CompletableFuture<NodeEvents.Rejection> waiting = awaited.remove(rejection.envelopeId());
                    if (waiting != null) {
                        waiting.complete(rejection);
                    }
                }
            });
        }
    }

    /** Call before publishing: completes with the next refusal of {@code envelopeId} by any node. */
    CompletableFuture<NodeEvents.Rejection> expectRefusal(EnvelopeId envelopeId) {
        CompletableFuture<NodeEvents.Rejection> refusal = new CompletableFuture<>();
        awaited.put(envelopeId, refusal);
        return refusal;
    }
}
