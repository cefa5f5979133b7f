package kh.gov.spean.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Binds the HTTP edge's address once, and lets it go, before the node's HTTP server binds it. Camel's Vert.x server
 * only logs a failed bind and starts anyway, so a node whose port another process holds would say it is ready where
 * that process answers; with this check it refuses to start instead, naming the address.
 */
final class HttpAddressCheck {

    private HttpAddressCheck() {
    }

    static void requireFree(String host, int port) {
        if (port == 0) {
            return; // the system gives the server a free port of its choosing
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Vert.x binds: a port a closed node's connections still wait on is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                    "the node cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }
}
