package kh.gov.spean.log;

/** The exact OpenSSL 3 commands that check exported evidence, written once for the script, the README and the tests. */
public final class OpenSslCommands {

    private OpenSslCommands() {
    }

    /**
     * A detached CMS signature over a file. {@code -purpose any}: member certificates carry key usages for signing
     * envelopes, not the S/MIME purpose OpenSSL checks by default.
     */
    public static String verifySignature(String content, String signature) {
        return "openssl cms -verify -binary -inform DER -in " + signature + " -content " + content
                + " -CAfile certs/ca.pem -certfile certs/chain.pem -purpose any -out /dev/null";
    }

    /** An RFC 3161 timestamp over a file. */
    public static String verifyTimestamp(String data, String timestamp) {
        return "openssl ts -verify -data " + data + " -in " + timestamp + " -CAfile certs/ca.pem -untrusted certs/chain.pem";
    }
}
