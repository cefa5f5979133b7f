package kh.gov.spean.federation;

import java.security.cert.X509Certificate;

import kh.gov.spean.crypto.KeyStores;
import kh.gov.spean.id.MemberId;

/**
 * A member's two keys — one signs what it sends, one opens what is sealed to it — and the names each goes by: its
 * keystore aliases, its request and certificate files, the common name its certificate carries.
 */
public enum KeyRole {
    SIGNING(KeyStores.SIGNING_ALIAS),
    ENCRYPTION(KeyStores.ENCRYPTION_ALIAS);

    private final String name;

    KeyRole(String name) {
        this.name = name;
    }

    /** The alias of the current key in its keystore. */
    public String alias() {
        return name;
    }

    /** The alias of a key made on the node and waiting for its certificate. */
    public String waitingAlias() {
        return name + "-waiting";
    }

    /** The alias a replaced key is kept under (decision 0014): {@code signing-SERIAL}. */
    public String keptAlias(X509Certificate replaced) {
        return name + "-" + replaced.getSerialNumber().toString(16);
    }

    /** The common name of the member's certificate for this key, the one its request must ask for: {@code KH/GOV/MOI signing}. */
    public String commonName(MemberId member) {
        return member + " " + name;
    }

    public String keystoreFile() {
        return name + ".p12";
    }

    /** The PKCS#10 request the member sends the authority (PEM). */
    public String requestFile() {
        return name + ".csr";
    }

    /** The certificate the authority sends back (PEM, with the federation CA's after it). */
    public String certificateFile() {
        return name + ".pem";
    }
}
