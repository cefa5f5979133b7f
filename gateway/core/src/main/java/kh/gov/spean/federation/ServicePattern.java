package kh.gov.spean.federation;

import java.util.Locale;

/**
 * How a service exchanges messages. X-Road knows only the first; Spean carries all three in the same envelope.
 */
public enum ServicePattern {
    /** The client waits for the provider's answer (X-Road's only pattern). */
    REQUEST_RESPONSE,
    /** The client's node answers 202 at once and retries until the provider's node returns a signed receipt. */
    ONE_WAY,
    /** The provider publishes; every subsystem with the right to subscribe gets its own sealed copy. */
    EVENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the wire name; a missing pattern means request/response. */
    public static ServicePattern fromWireName(String name) {
        if (name == null) {
            return REQUEST_RESPONSE;
        }
        for (ServicePattern pattern : values()) {
            if (pattern.wireName().equals(name)) {
                return pattern;
            }
        }
        throw new IllegalArgumentException("unknown service pattern '" + name + "' (request-response, one-way, event)");
    }
}
