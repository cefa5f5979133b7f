package kh.gov.spean.node.management;

/**
 * One person or program allowed on the management port, as the users file keeps them.
 *
 * @param name         the user's name, letters, digits, '.', '_', '-'
 * @param role         {@code auditor} or {@code operator}
 * @param passwordHash the Argon2id hash of the password for the browser login, or null for none
 * @param tokenSha256  the SHA-256 of the bearer token (hex) for scripts and Prometheus, or null for none: a token is
 *                     256 random bits, which no guessing reaches, so a fast hash suffices and a request costs nothing
 */
public record ManagementUser(String name, String role, String passwordHash, String tokenSha256) {

    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public Role roleValue() {
        return Role.fromWireName(role);
    }
}
