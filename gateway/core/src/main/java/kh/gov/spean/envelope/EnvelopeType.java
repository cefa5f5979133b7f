package kh.gov.spean.envelope;

import java.util.Locale;

/** What an envelope carries. Requests and responses now; events and receipts travel in the same envelope. */
public enum EnvelopeType {
    REQUEST, RESPONSE, EVENT, RECEIPT, ERROR;

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
