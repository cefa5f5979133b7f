package kh.gov.spean.node.management;

import java.util.Locale;

/** What a management user may see: an auditor the message log's page, entries and export; an operator the rest. */
public enum Role {
    AUDITOR,
    OPERATOR;

    /** The role as written in the users file and on the command line, e.g. {@code auditor}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no such role: " + name + " (auditor or operator)");
    }
}
