package kh.gov.spean.envelope;

import java.util.Locale;

/**
 * What an envelope carries: a request (request/response or one-way), its response, the signed receipt for a one-way
 * message, a coded error answering a request, or one subscriber's copy of an event.
 */
public enum EnvelopeType {
    REQUEST, RESPONSE, EVENT, RECEIPT, ERROR;

    /** Responses, receipts and errors answer a request, and carry its hash. */
    public boolean answersARequest() {
        return this == RESPONSE || this == RECEIPT || this == ERROR;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnvelopeType fromWireName(String name) {
        for (EnvelopeType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown envelope type '" + name + "'");
    }
}
