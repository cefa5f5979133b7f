package kh.gov.spean.node.http;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLPeerUnverifiedException;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.edge.ClientRegistry;
import kh.gov.spean.node.edge.ConnectionType;

/**
 * Step, before the service call is read and before its body is: the subsystem a call names in {@code X-Road-Client}
 * must be one the presented client certificate is registered for at this node, unless that subsystem's connection
 * type asks for none. Runs on the event loop from the headers and the TLS session alone; a refusal is answered at once
 * with its code, logged as every edge refusal is, and closes the connection without reading the body. What passes has
 * exactly one {@code X-Road-Client}, so the steps after it (ReadServiceCall, CheckRateLimit, ReadMessageState) read the
 * authenticated subsystem from it.
 */
public final class AuthenticateClient implements Handler<RoutingContext> {

    private final ClientRegistry registry;
    private final RefusedBeforeAnyRoute refusals;
    private final Clock clock;

    public AuthenticateClient(ClientRegistry registry, RefusedBeforeAnyRoute refusals, Clock clock) {
        this.registry = registry;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        List<String> named = request.headers().getAll(XRoadHeaders.CLIENT);
        if (named.isEmpty()) {
            refuse(context, ErrorCode.UNKNOWN_CLIENT,
                    "the " + XRoadHeaders.CLIENT + " header is required: INSTANCE/CLASS/MEMBER/SUBSYSTEM");
            return;
        }
        SubsystemId client;
        try {
            // PR-REST: when the header is repeated the last one counts, here as in ReadServiceCall, which reads it again.
            client = SubsystemId.parse(named.get(named.size() - 1).trim());
        } catch (IllegalArgumentException e) {
            refuse(context, ErrorCode.UNKNOWN_CLIENT, XRoadHeaders.CLIENT + ": " + e.getMessage());
            return;
        }
        ConnectionType type = registry.connectionType(client);
        X509Certificate presented = presented(request);
        if (presented == null) {
            if (type.requiresClientCertificate()) {
                refuse(context, ErrorCode.UNAUTHENTICATED, client + " connects with a registered client certificate "
                        + "(connection type " + type + "), and the call presented none");
                return;
            }
            context.next();
            return;
        }
        String fingerprint = Federation.fingerprint(presented);
        Set<SubsystemId> registeredFor = registry.subsystemsOf(fingerprint);
        if (type.requiresClientCertificate() && !registeredFor.contains(client)) {
            refuse(context, ErrorCode.CLIENT_CERTIFICATE_NOT_REGISTERED, registeredFor.isEmpty()
                    ? "the client certificate (SHA-256 " + fingerprint + ") is not registered at this node"
                    : "the client certificate (SHA-256 " + fingerprint + ") is registered for " + registeredFor
                            + ", not for " + client);
            return;
        }
        Instant now = clock.instant();
        if (type.requiresClientCertificate() && (now.isAfter(presented.getNotAfter().toInstant())
                || now.isBefore(presented.getNotBefore().toInstant()))) {
            refuse(context, ErrorCode.CLIENT_CERTIFICATE_EXPIRED, "the client certificate (SHA-256 " + fingerprint
                    + ") is valid from " + presented.getNotBefore().toInstant() + " to "
                    + presented.getNotAfter().toInstant());
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, ErrorCode code, String detail) {
        refusals.refuseUnread(context, code, detail);
    }

    private static X509Certificate presented(HttpServerRequest request) {
        if (!request.isSSL()) {
            return null;
        }
        try {
            List<Certificate> chain = request.connection().peerCertificates();
            return chain == null || chain.isEmpty() ? null : (X509Certificate) chain.get(0);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
