package kh.gov.spean.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.management.ManagementUser;
import kh.gov.spean.node.management.ManagementUsers;
import kh.gov.spean.node.management.PasswordHash;
import kh.gov.spean.node.management.Role;

/**
 * The demo's management users, made fresh each run on every node (as {@code spean management user add} would): an
 * auditor who logs in with a password, an operator with a bearer token; and how to use them, printed.
 *
 * @param password the auditor's password
 * @param token    the operator's bearer token
 */
record DemoManagementUsers(String password, String token) {

    static final String AUDITOR = "auditor";
    static final String OPERATOR = "operator";

    /** Writes both users into each node's users file; the running nodes read them at their next request. */
    static DemoManagementUsers create(Path data, Iterable<MemberId> members) {
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String token = ManagementUsers.newToken();
        String hash = PasswordHash.hash(password.toCharArray());
        for (MemberId member : members) {
            Path file = ManagementUsers.fileOf(data, member);
            ManagementUsers.put(file, new ManagementUser(AUDITOR, Role.AUDITOR.wireName(), hash, null));
            ManagementUsers.put(file, new ManagementUser(OPERATOR, Role.OPERATOR.wireName(), null,
                    ManagementUsers.sha256(token)));
        }
        return new DemoManagementUsers(password, token);
    }

    void print(PrintStream out, Map<MemberId, GatewayNode> nodes) {
        out.println();
        out.println("Management ports (TLS with each node's own self-signed certificate; loopback only):");
        nodes.forEach((member, node) -> out.println("  " + member + "  " + node.managementUri()));
        GatewayNode first = nodes.values().iterator().next();
        out.println("Auditor: open " + first.managementUri() + "/login in a browser, accept the certificate, and log in"
                + " as '" + AUDITOR + "' with password " + password);
        out.println("Operator (bearer token):");
        out.println("  curl --cacert " + first.managementCertificate() + " \\");
        out.println("       -H 'Authorization: Bearer " + token + "' " + first.managementUri() + "/metrics");
    }
}
