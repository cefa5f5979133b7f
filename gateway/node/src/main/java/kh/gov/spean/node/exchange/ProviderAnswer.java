package kh.gov.spean.node.exchange;

import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.RestFrame;

/** The provider's verified, opened and validated answer to a request this node sent. */
public record ProviderAnswer(EnvelopeHeader header, byte[] payload, byte[] salt, RestFrame frame) {
}
