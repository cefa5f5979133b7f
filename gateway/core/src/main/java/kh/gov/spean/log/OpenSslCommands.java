package kh.gov.spean.log;

import java.util.regex.Pattern;

/**
 * The exact OpenSSL 3 commands that check exported evidence, written once for the script, the README and the tests.
 * Every file argument must be a plain relative name (letters, digits, {@code . _ -}, segments joined by {@code /}, none
 * starting with a dot or a dash) and is single-quoted besides: a script an auditor runs must never execute anything a
 * tampered log put in a name.
 */
public final class OpenSslCommands {

    private static final Pattern PLAIN_RELATIVE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private OpenSslCommands() {
    }

    /**
     * A detached CMS signature over a file. {@code -purpose any}: member certificates carry key usages for signing
     * envelopes, not the S/MIME purpose OpenSSL checks by default.
     */
    public static String verifySignature(String content, String signature) {
        return "openssl cms -verify -binary -inform DER -in " + file(signature) + " -content " + file(content)
                + " -CAfile certs/ca.pem -certfile certs/chain.pem -purpose any -out /dev/null";
    }

    /** An RFC 3161 timestamp over a file. */
    public static String verifyTimestamp(String data, String timestamp) {
        return "openssl ts -verify -data " + file(data) + " -in " + file(timestamp)
                + " -CAfile certs/ca.pem -untrusted certs/chain.pem";
    }

    /** The name as one shell word: refused unless plain, then single-quoted (which a plain name never needs escaping in). */
    static String file(String name) {
        if (name == null || !PLAIN_RELATIVE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain relative file name for the verification script");
        }
        return "'" + name + "'";
    }
}
