package kh.gov.spean.id;

import java.util.UUID;

/** The unique id of one envelope: a random UUID, also the Kafka record key and the {@code X-Road-Id}. */
public record EnvelopeId(UUID value) {

    public EnvelopeId {
        if (value == null) {
            throw new IllegalArgumentException("missing envelope id");
        }
    }

    public static EnvelopeId random() {
        return new EnvelopeId(UUID.randomUUID());
    }

    public static EnvelopeId parse(String text) {
        try {
            return new EnvelopeId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("invalid envelope id '" + text + "': expected a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
