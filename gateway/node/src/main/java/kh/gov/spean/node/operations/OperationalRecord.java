package kh.gov.spean.node.operations;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One call at this node's HTTP edge, with X-Road's operational monitoring fields: when the request came in and went
 * out to the provider, when the answer came in and went out to the caller, the sizes, and the outcome. No payload.
 *
 * @param requestOutTs  when the sealed request was handed to Kafka (null for one that never left: refused, one-way, event)
 * @param responseInTs  when the provider's verified answer arrived (null when none did)
 * @param outcome       {@code ok} or the error code answered
 */
@JsonbPropertyOrder({"messageId", "client", "service", "requestInTs", "requestOutTs", "responseInTs", "responseOutTs",
        "requestSize", "responseSize", "status", "outcome"})
public record OperationalRecord(String messageId, String client, String service, Instant requestInTs,
                                Instant requestOutTs, Instant responseInTs, Instant responseOutTs, long requestSize,
                                long responseSize, int status, String outcome) {
}
