package kh.gov.spean.node.exchange;

import kh.gov.spean.envelope.EnvelopeHeader;

/** The provider's verified, opened and validated answer to a request this node sent. */
public record ProviderAnswer(EnvelopeHeader header, byte[] payload, byte[] salt) {
}
