package kh.gov.spean.node.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import kh.gov.spean.id.MemberId;

/**
 * A Kafka login with SASL/SCRAM-SHA-512 (RFC 5802, RFC 7677): the client proves it knows the password without sending
 * it, and the brokers hold only a salted verifier. A member's nodes log in as the member itself (decision 0032).
 *
 * @param user     the Kafka user, which the brokers' ACLs name as {@code User:NAME}
 * @param password the user's password, never logged
 */
public record ScramCredentials(String user, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    public ScramCredentials {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a Kafka login needs a user and a password");
        }
    }

    /** The login of a member's nodes: the member's own identifier as its Kafka user. */
    public static ScramCredentials of(MemberId member, String password) {
        return new ScramCredentials(KafkaAcls.userOf(member), password);
    }

    /**
     * {@code base} (e.g. TLS settings) with this login added: SASL over TLS when {@code base} speaks TLS, SASL over
     * plaintext otherwise — the password still never travels, but the records do in the clear.
     */
    public Map<String, String> clientProperties(Map<String, String> base) {
        Map<String, String> properties = new HashMap<>(base);
        String protocol = base.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                protocol.endsWith("SSL") ? "SASL_SSL" : "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
        return properties;
    }

    /** The JAAS line Kafka reads a SCRAM login from; quotes and backslashes in the values are escaped. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(user)
                + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "ScramCredentials[user=" + user + "]";
    }
}
